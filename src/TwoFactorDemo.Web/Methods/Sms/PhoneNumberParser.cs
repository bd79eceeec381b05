using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PhoneNumbers;
using TwoFactorDemo.Web.Localization;

namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>
/// Parses what people type into E.164 with libphonenumber, assuming <c>Sms:DefaultRegion</c> without a leading +
/// (or 00), and says plainly what is wrong when it can't: a number with a country code that libphonenumber finds
/// invalid is "not a valid number for the United Kingdom", never "numbers outside US need their country code".
/// </summary>
public sealed class PhoneNumberParser(IStringLocalizer<SharedResource> T, IOptions<SmsOptions> options)
{
    private const int MaxLength = 32;
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The number in E.164 (<c>+14155550100</c>), or null when it is not a valid phone number.</summary>
    public string? ToE164(string? input) => Read(input).E164;

    /// <summary>The number in E.164, or the sentence saying why it is not one.</summary>
    public (string? E164, string? Error) Read(string? input)
    {
        var typed = input?.Trim() ?? "";
        if (typed.Length == 0)
        {
            return (null, T["Enter your phone number."]);
        }
        if (typed.Length > MaxLength)
        {
            return (null, T["That is too long for a phone number. Enter just the number, like +44 7911 123456."]);
        }
        // "0044 …" is how much of the world dials abroad; libphonenumber only reads it so where 00 is the exit code.
        var withCountryCode = typed.StartsWith('+') || typed.StartsWith("00", StringComparison.Ordinal);
        var text = typed.StartsWith("00", StringComparison.Ordinal) ? "+" + typed[2..] : typed;
        PhoneNumber number;
        try
        {
            number = Util.Parse(text, options.Value.DefaultRegion);
        }
        catch (NumberParseException ex)
        {
            return (null, ex.ErrorType switch
            {
                ErrorType.INVALID_COUNTRY_CODE => withCountryCode
                    ? T["That country code isn't one we know. Check the digits after the +."]
                    : NotANumber,
                ErrorType.TOO_SHORT_NSN or ErrorType.TOO_SHORT_AFTER_IDD => T["That number is too short. Enter the whole number, with the area code."],
                ErrorType.TOO_LONG => T["That number is too long. Check it and try again."],
                _ => NotANumber,
            });
        }
        if (number.HasExtension)
        {
            return (null, T["Enter the number without an extension: it has to receive text messages."]);
        }
        if (!Util.IsValidNumber(number))
        {
            var region = Util.GetRegionCodeForCountryCode(number.CountryCode);
            var where = CountryName(region);
            return (null, withCountryCode || region != options.Value.DefaultRegion
                ? T["That doesn't look like a valid number for {0} (+{1}). Check the digits.", where, number.CountryCode]
                : T["That doesn't look like a valid number for {0}. Numbers from other countries start with + and the country code, like +44 7911 123456.", where]);
        }
        return (Util.Format(number, PhoneNumberFormat.E164), null);
    }

    private string NotANumber => T["Enter a phone number using digits, like +1 415 555 2671 or +44 7911 123456."];

    /// <summary>
    /// "the United Kingdom", "Spain": the English name (the runtime's region names are English only), with "the" where
    /// English puts one; the sentence around it is in the reader's language.
    /// </summary>
    private string CountryName(string region)
    {
        string name;
        try
        {
            name = new RegionInfo(region).EnglishName;
        }
        catch (ArgumentException)
        {
            return T["that country"];
        }
        var the = name.StartsWith("United ", StringComparison.Ordinal) || name.Contains("Republic", StringComparison.Ordinal)
            || name.Contains("Islands", StringComparison.Ordinal) || name is "Netherlands" or "Philippines" or "Bahamas" or "Gambia" or "Maldives" or "Comoros";
        return the ? T["the {0}", name] : name; // the article is the language's own (Spanish has none here)
    }
}
