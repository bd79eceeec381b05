using Microsoft.Extensions.Options;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Methods.Sms;

namespace TwoFactorDemo.Tests.Unit;

public class PhoneNumberParserTests
{
    private readonly PhoneNumberParser _parser = new(AppText.English, Options.Create(new SmsOptions { DefaultRegion = "US" }));

    [Theory]
    [InlineData("(415) 555-2671", "+14155552671")]
    [InlineData("415.555.2671", "+14155552671")]
    [InlineData("+1 415 555 2671", "+14155552671")]
    [InlineData("+44 7911 123456", "+447911123456")]
    [InlineData("415 555 3999", "+14155553999")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("+44 (0)7911 123456", "+447911123456")]
    [InlineData("0044 7911 123456", "+447911123456")]
    [InlineData("  +34 612 34 56 78 ", "+34612345678")]
    public void Numbers_are_normalised_to_E164(string input, string expected) => Assert.Equal(expected, _parser.ToE164(input));

    [Theory]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("call me")]
    [InlineData("12")]
    [InlineData("555")]
    [InlineData("+1 415 555 2671 2671 2671")]
    [InlineData("99999999999999999999999999999999999999999999999999")]
    public void Bad_numbers_are_refused(string input) => Assert.Null(_parser.ToE164(input));

    // Issue 18, bug 4: every refusal says what is wrong; a number with a country code never hears "outside US".
    [Theory]
    [InlineData("+44 7911 12345", "That doesn't look like a valid number for the United Kingdom (+44)")]
    [InlineData("+34 12 34", "That doesn't look like a valid number for Spain (+34)")]
    [InlineData("07911 123456", "That doesn't look like a valid number for the United States. Numbers from other countries start with + and the country code")]
    [InlineData("+999 1234 5678", "That country code isn't one we know")]
    [InlineData("call me", "Enter a phone number using digits")]
    [InlineData("", "Enter your phone number.")]
    [InlineData("+1 415 555 2671 ext. 12", "Enter the number without an extension")]
    public void Refusals_say_what_is_wrong(string input, string message)
    {
        var (e164, error) = _parser.Read(input);
        Assert.Null(e164);
        Assert.StartsWith(message, error);
        if (input.StartsWith('+'))
        {
            Assert.DoesNotContain("outside", error);
        }
    }

    // Issue 18, bug 4: one mask everywhere, in international format, with the country readable.
    [Theory]
    [InlineData("+14155552671", "+1 •••-•••-••71", "+1 415-555-2671")]
    [InlineData("+447911123456", "+44 •••• ••••56", "+44 7911 123456")]
    [InlineData("+34612345678", "+34 ••• •• •• 78", "+34 612 34 56 78")]
    public void Numbers_are_shown_in_international_format_and_masked_the_same_way(string e164, string masked, string shown)
    {
        Assert.Equal(masked, ContactMasks.Phone(e164));
        Assert.Equal(shown, PhoneFormat.International(e164));
    }
}
