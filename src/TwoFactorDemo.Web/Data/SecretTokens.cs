using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace TwoFactorDemo.Web.Data;

/// <summary>
/// Random tokens that travel in links and cookies (session keys, sign-in links, reset links, remembered browsers) and
/// the form they are stored in: only the SHA-256, so a copy of the database holds no token anyone could use.
/// </summary>
public static class SecretTokens
{
    /// <summary>256 random bits, base64url (43 characters).</summary>
    public static string New() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>What is stored instead of <paramref name="token"/>: its SHA-256 in hex (64 characters).</summary>
    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
