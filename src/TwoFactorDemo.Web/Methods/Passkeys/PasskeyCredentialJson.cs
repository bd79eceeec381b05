using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace TwoFactorDemo.Web.Methods.Passkeys;

/// <summary>
/// The two things read from a browser's assertion JSON besides what Identity checks: the user handle (to count a
/// passwordless attempt against the account it names, before verifying) and the UV flag of this assertion's
/// authenticator data (Identity verifies the signature over those same bytes, so once it succeeded the flag is proved).
/// </summary>
public static class PasskeyCredentialJson
{
    private const byte UserVerifiedFlag = 0x04;
    private const int FlagsOffset = 32; // after the 32-byte RP ID hash

    public static string? UserHandle(string? json) =>
        Read(json, "userHandle") is { } handle && Decode(handle) is { Length: > 0 and <= 256 } bytes ? TryUtf8(bytes) : null;

    public static bool UserVerified(string json) =>
        Read(json, "authenticatorData") is { } data && Decode(data) is { Length: > FlagsOffset } bytes && (bytes[FlagsOffset] & UserVerifiedFlag) != 0;

    private static string? Read(string? json, string property)
    {
        if (string.IsNullOrEmpty(json) || json.Length > PasskeyCeremonies.MaxCredentialJsonLength)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object
                && response.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[]? Decode(string base64Url)
    {
        try
        {
            return WebEncoders.Base64UrlDecode(base64Url);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? TryUtf8(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
