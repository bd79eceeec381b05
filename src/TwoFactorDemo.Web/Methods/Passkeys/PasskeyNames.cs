using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace TwoFactorDemo.Web.Methods.Passkeys;

/// <summary>What a passkey is called: the name the person gives it, or one from the device it was made on.</summary>
public static class PasskeyNames
{
    public const int MaxLength = 60;

    /// <summary>The typed name without control characters, trimmed to 60 characters; null when nothing is left.</summary>
    public static string? Clean(string? name)
    {
        var cleaned = new string((name ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        return cleaned.Length == 0 ? null : cleaned[..Math.Min(cleaned.Length, MaxLength)];
    }

    /// <summary>"Passkey on Android", "Security key", … from the transports and the browser's platform, in the language of the page that adds it.</summary>
    public static string Default(UserPasskeyInfo passkey, string userAgent, IStringLocalizer T)
    {
        var platform = new[] { ("iPhone", "iPhone"), ("iPad", "iPad"), ("Android", "Android"), ("Mac OS X", "Mac"), ("Windows", "Windows"), ("CrOS", "ChromeOS"), ("Linux", "Linux") }
            .FirstOrDefault(p => userAgent.Contains(p.Item1, StringComparison.Ordinal)).Item2;
        return passkey.Transports?.Any(t => t is "usb" or "nfc" or "ble") == true && passkey.Transports.All(t => t != "internal")
            ? T["Security key"]
            : platform is null ? T["Passkey"] : T["Passkey on {0}", platform];
    }

    /// <summary>A short, stable label of a credential for the audit log and URLs: its ID in base64url.</summary>
    public static string Tag(byte[] credentialId) => WebEncoders.Base64UrlEncode(credentialId);
}
