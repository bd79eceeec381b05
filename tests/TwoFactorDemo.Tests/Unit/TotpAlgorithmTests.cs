using System.Text;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Web.Methods.Totp;

namespace TwoFactorDemo.Tests.Unit;

/// <summary>RFC 6238 Appendix B (SHA1 seed "12345678901234567890", 8 digits) against the app's algorithm and the tests' own.</summary>
public class TotpAlgorithmTests
{
    private static readonly byte[] RfcSeed = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void Rfc6238_AppendixB_vectors_match(long unixSeconds, string expected)
    {
        Assert.Equal(expected, TotpAlgorithm.Compute(RfcSeed, DateTimeOffset.FromUnixTimeSeconds(unixSeconds), digits: 8));
        Assert.Equal(expected, Rfc6238.Code(RfcSeed, unixSeconds, digits: 8));
    }

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    public void Six_digit_codes_are_the_last_six_digits_of_the_truncation(long unixSeconds, string expected)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        Assert.Equal(expected, TotpAlgorithm.Compute(RfcSeed, at));
        Assert.Equal(expected, Rfc6238.Code(RfcSeed, unixSeconds));
        Assert.Equal(TotpAlgorithm.StepAt(at), TotpAlgorithm.MatchStep(RfcSeed, expected, at));
    }

    // ASVS 2.8.4 / 5.0 6.5.1: the window is one step (30 s) each side, no more.
    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(-2, false)]
    [InlineData(2, false)]
    public void ASVS_2_8_4_window_is_one_step_each_side(int stepOffset, bool accepted)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_010);
        var codeTime = now.AddSeconds(30 * stepOffset);
        var code = Rfc6238.Code(RfcSeed, codeTime);
        var step = TotpAlgorithm.MatchStep(RfcSeed, code, now);
        Assert.Equal(accepted ? TotpAlgorithm.StepAt(codeTime) : null, step);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("١٢٣٤٥٦")]
    public void Malformed_codes_never_match(string code) =>
        Assert.Null(TotpAlgorithm.MatchStep(RfcSeed, code, DateTimeOffset.UtcNow));

    [Fact]
    public void New_keys_are_160_bits_and_differ()
    {
        var a = TotpAlgorithm.NewKey();
        var b = TotpAlgorithm.NewKey();
        Assert.Equal(20, a.Length);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Otpauth_uri_has_the_key_uri_format()
    {
        var uri = TotpEnrollment.OtpauthUri("Two Factor", "ann@example.test", "JBSWY3DPEHPK3PXP");
        Assert.Equal("otpauth://totp/Two%20Factor:ann%40example.test?secret=JBSWY3DPEHPK3PXP&issuer=Two%20Factor&algorithm=SHA1&digits=6&period=30", uri);
    }
}
