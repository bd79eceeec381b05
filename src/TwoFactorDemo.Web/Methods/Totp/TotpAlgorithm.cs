using OtpNet;

namespace TwoFactorDemo.Web.Methods.Totp;

/// <summary>RFC 6238 through Otp.NET: SHA1, 30-second steps, a window of one step each side.</summary>
public static class TotpAlgorithm
{
    public const int StepSeconds = 30;
    public const int Digits = 6;

    /// <summary>The time step that contains <paramref name="at"/>.</summary>
    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code for <paramref name="at"/> (tests and the RFC vectors use 8 digits).</summary>
    public static string Compute(byte[] key, DateTimeOffset at, int digits = Digits) =>
        new OtpNet.Totp(key, StepSeconds, OtpHashMode.Sha1, digits).ComputeTotp(at.UtcDateTime);

    /// <summary>The time step whose code equals <paramref name="code"/> within ±1 step of <paramref name="at"/>, or null.</summary>
    public static long? MatchStep(byte[] key, string code, DateTimeOffset at)
    {
        if (!VerificationCode.IsDigits(code, Digits))
        {
            return null;
        }
        var totp = new OtpNet.Totp(key, StepSeconds, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(at.UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)) ? step : null;
    }

    /// <summary>A new 160-bit secret, as RFC 4226 recommends for SHA1.</summary>
    public static byte[] NewKey() => KeyGeneration.GenerateRandomKey(20);
}
