using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace TwoFactorDemo.Web.Sessions;

/// <summary>
/// The cookie carries a session's random key; the database stores only its SHA-256, so a copy of the database (or of
/// a backup) holds no key that a forged cookie could use. Every lookup by session goes through <see cref="StoredSessionKey"/>.
/// </summary>
public static class SessionKeys
{
    /// <summary>The stored form of <paramref name="key"/>: base64url SHA-256, 43 characters.</summary>
    public static string Hash(string key) => WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The stored key of this principal's session, or null when it has none.</summary>
    public static string? StoredSessionKey(this ClaimsPrincipal principal) =>
        principal.FindFirst(SessionClaimTypes.SessionId)?.Value is { } key ? Hash(key) : null;
}
