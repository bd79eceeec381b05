using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Methods.Sms;

namespace TwoFactorDemo.Tests.Unit;

public class PhoneNumberParserTests
{
    private readonly PhoneNumberParser _parser = new(Options.Create(new SmsOptions { DefaultRegion = "US" }));

    [Theory]
    [InlineData("(415) 555-2671", "+14155552671")]
    [InlineData("415.555.2671", "+14155552671")]
    [InlineData("+1 415 555 2671", "+14155552671")]
    [InlineData("+44 7911 123456", "+447911123456")]
    [InlineData("415 555 3999", "+14155553999")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
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

    [Fact]
    public void Masking_keeps_only_the_last_two_digits() => Assert.Equal("•••••••••71", ContactMasks.Phone("+14155552671"));
}
