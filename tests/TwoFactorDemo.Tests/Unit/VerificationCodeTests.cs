using TwoFactorDemo.Web.Methods;

namespace TwoFactorDemo.Tests.Unit;

public class VerificationCodeTests
{
    [Theory]
    [InlineData("123 456", "123456")]
    [InlineData(" 123-456 ", "123456")]
    [InlineData("abcd-efgh-jklm", "ABCDEFGHJKLM")]
    [InlineData(null, "")]
    public void Spaces_and_dashes_are_dropped(string? input, string expected) =>
        Assert.Equal(expected, VerificationCode.Normalize(input));

    [Theory]
    [InlineData("123456", 6, true)]
    [InlineData("12345x", 6, false)]
    [InlineData("1234567", 6, false)]
    public void IsDigits_checks_length_and_ascii_digits(string code, int digits, bool expected) =>
        Assert.Equal(expected, VerificationCode.IsDigits(code, digits));
}
