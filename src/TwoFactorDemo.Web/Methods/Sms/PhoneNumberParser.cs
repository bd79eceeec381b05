using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>Parses what people type into E.164 with libphonenumber, assuming <c>Sms:DefaultRegion</c> without a leading +.</summary>
public sealed class PhoneNumberParser(IOptions<SmsOptions> options)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The number in E.164 (<c>+14155550100</c>), or null when it is not a valid phone number.</summary>
    public string? ToE164(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 32)
        {
            return null;
        }
        try
        {
            var number = Util.Parse(input, options.Value.DefaultRegion);
            // An extension can't receive a text, and E.164 would silently drop it.
            return Util.IsValidNumber(number) && !number.HasExtension ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
