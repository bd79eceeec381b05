using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Localization;

namespace TwoFactorDemo.Web.Methods.Passkeys;

/// <summary>
/// Sorts Identity's passkey errors into a reason for the audit log and one sentence for the person (a resource key,
/// localized by the caller).
/// </summary>
public static class PasskeyFailures
{
    public const string Expired = "timed out or already used";
    public const string Malformed = "malformed";

    public static (string Reason, string Message) Explain(PasskeyException? error)
    {
        var text = error?.Message ?? "";
        bool Says(string words) => text.Contains(words, StringComparison.OrdinalIgnoreCase);
        return text switch
        {
            _ when Says("does not belong") || Says("user handle") => ("wrong user", TextKey.Of("That passkey isn't one of this account's. Use a passkey you added to this account.")),
            _ when Says("count") => ("replayed or counter went backwards",
                TextKey.Of("That passkey answer was already used, or the authenticator may be a copy. Try again; if it keeps failing, remove the passkey.")),
            _ when Says("signature") => ("bad signature", TextKey.Of("That passkey's signature didn't check out. Try again.")),
            _ when Says("origin") => ("origin mismatch", TextKey.Of("That passkey answer came from another site. Sign in only on this site's own address.")),
            _ when Says("relying party") || Says("rpid") => ("relying party mismatch", TextKey.Of("That passkey was made for another site.")),
            _ when Says("challenge") => ("challenge mismatch", TextKey.Of("That passkey answer was for another request. Try again.")),
            _ when Says("JSON") || Says("format") || Says("CBOR") || Says("base64") => (Malformed, TextKey.Of("That passkey answer could not be read. Try again.")),
            _ => ("rejected", TextKey.Of("That passkey didn't work. Try again, or use another method.")),
        };
    }
}
