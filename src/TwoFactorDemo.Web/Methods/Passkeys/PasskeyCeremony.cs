namespace TwoFactorDemo.Web.Methods.Passkeys;

/// <summary>
/// A spent WebAuthn ceremony. The ceremony itself (Identity's state: the challenge, the user) travels in a
/// Data-Protected cookie, so asking for options writes nothing; the answer that uses it inserts this row, in the same
/// commit as the sign-in, under a unique index: of two requests carrying one ceremony only the first gets past it.
/// Rows are kept until the ceremony would have expired anyway.
/// </summary>
public class PasskeyCeremony
{
    public long Id { get; set; }

    /// <summary>SHA-256 of the ceremony's random token.</summary>
    public required string TokenHash { get; set; }
    public DateTime ExpiresAt { get; set; }
}
