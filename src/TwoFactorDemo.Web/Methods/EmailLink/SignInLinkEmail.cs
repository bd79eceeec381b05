using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Email;

namespace TwoFactorDemo.Web.Methods.EmailLink;

/// <summary>The mail that carries a sign-in link.</summary>
public static class SignInLinkEmail
{
    /// <summary>The mail, saying who asked (browser, IP address, time) so the owner can tell their own sign-in from somebody else's.</summary>
    public static EmailMessage Create(string to, string link, int minutes, string requestedBy, string? requestedFrom, DateTimeOffset requestedAt, IStringLocalizer T)
    {
        var who = requestedFrom is null
            ? T["Someone signing in to TwoFactorDemo with {0} asked for this link at {1:HH:mm} UTC on {1:d MMMM yyyy}.", requestedBy, requestedAt]
            : T["Someone signing in to TwoFactorDemo with {0} (IP address {2}) asked for this link at {1:HH:mm} UTC on {1:d MMMM yyyy}.", requestedBy, requestedAt, requestedFrom];
        return EmailTemplates.Build(to,
            T["Your TwoFactorDemo sign-in link"],
            who + " " + T["If that was you, use it to finish signing in. It works once, for {0} minutes. You can open it on this device or another one; on another device, type the number your sign-in page shows.", minutes],
            T["Finish signing in"], link,
            T["If you aren't signing in right now, don't open the link: someone may know your password. Change it."], T);
    }
}
