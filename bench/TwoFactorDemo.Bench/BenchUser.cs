using TwoFactorDemo.Web.Methods.Totp;

namespace TwoFactorDemo.Bench;

/// <summary>A seeded account the bench can sign in as: its email, its authenticator secret, the last time step it used.</summary>
public sealed class BenchUser(string email, byte[] totpKey)
{
    public string Email { get; } = email;

    /// <summary>The last RFC 6238 step this user's code was sent for; the app refuses that step again (replay).</summary>
    public long LastStep { get; set; } = long.MinValue;

    public string CodeFor(long step) => TotpAlgorithm.Compute(totpKey, DateTimeOffset.FromUnixTimeSeconds(step * TotpAlgorithm.StepSeconds));
}
