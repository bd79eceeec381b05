namespace TwoFactorDemo.Web.Methods.Passkeys;

/// <summary>
/// One WebAuthn ceremony in flight: Identity's state for it (the challenge, and the user when one is known), kept here
/// rather than in a cookie so it is spent once. The browser holds a random token (its hash is stored) in a cookie; a
/// ceremony started in a session is also bound to that session.
/// </summary>
public class PasskeyCeremony
{
    public long Id { get; set; }
    public required string TokenHash { get; set; }
    public required string Purpose { get; set; }

    /// <summary>The stored key of the session that started it; null for a passwordless sign-in (no session yet).</summary>
    public string? SessionKey { get; set; }

    /// <summary>Identity's attestation or assertion state (JSON: the challenge, the user entity or id).</summary>
    public required string State { get; set; }
    public DateTime ExpiresAt { get; set; }
}
