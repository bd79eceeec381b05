using System.Security.Claims;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Sessions;

/// <summary>
/// The cookie carries a session's random key; the database stores only its SHA-256, so a copy of the database (or of
/// a backup) holds no key that a forged cookie could use. Every lookup by session goes through <see cref="StoredSessionKey"/>.
/// </summary>
public static class SessionKeys
{
    /// <summary>The stored key of this principal's session, or null when it has none.</summary>
    public static string? StoredSessionKey(this ClaimsPrincipal principal) =>
        principal.FindFirst(SessionClaimTypes.SessionId)?.Value is { } key ? SecretTokens.Hash(key) : null;
}
