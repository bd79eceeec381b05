using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace TwoFactorDemo.Web.Localization;

/// <summary>
/// The few sentences the page scripts write (copy, passkey prompts, typing, the email wait), from the resources like
/// everything else: the layout puts them in a JSON block (<c>#client-text</c>, data, not script, so the CSP allows it)
/// and site.js reads them for every script. The JSON is made once per language (the resources do not change while the app runs).
/// </summary>
public static class ClientText
{
    private static readonly ConcurrentDictionary<string, string> JsonByCulture = new();

    /// <summary>The sentences as JSON, in the current UI culture's language.</summary>
    public static string Json(IStringLocalizer T) =>
        JsonByCulture.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ => JsonSerializer.Serialize(For(T)));

    private static Dictionary<string, string> For(IStringLocalizer T) => new Dictionary<string, string>
    {
        ["copied"] = T["Copied"],
        ["copyFailed"] = T["Copy failed – select the codes instead"],
        ["passkeyChecking"] = T["Checking your passkey…"],
        ["passkeyUnsupported"] = T["This browser does not support passkeys. Use another method."],
        ["passkeyWaiting"] = T["Waiting for your passkey…"],
        ["passkeyCancelled"] = T["The passkey prompt was cancelled or timed out. Press the button to try again."],
        ["passkeyAlreadyHere"] = T["This device already holds a passkey for your account."],
        ["passkeyNotHere"] = T["That passkey can not be used here. Try another one."],
        ["passkeyWrongSite"] = T["Passkeys only work on this site's own address (https, or localhost)."],
        ["passkeyFailed"] = T["Something went wrong talking to your passkey. Try again, or use another method."],
        ["typingNoPaste"] = T["Please type the phrase: pasting doesn't work here."],
        ["typingStartAgain"] = T["Start again from the beginning."],
        ["typingMismatch"] = T["That didn't match the phrase. Start again."],
        ["typingDone"] = T["Done. Press the button (or Enter)."],
        ["typingIncomplete"] = T["Type the phrase exactly as shown, then press the button."],
        ["mailSending"] = T["Sending the email…"],
        ["mailSent"] = T["Sent. Waiting for you to open the link…"],
        ["mailFailed"] = T["We could not send the email. Try again later, or use another method."],
        ["linkApproved"] = T["Approved. Continuing…"],
    };
}
