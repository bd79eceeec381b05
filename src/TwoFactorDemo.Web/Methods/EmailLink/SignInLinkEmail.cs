using TwoFactorDemo.Web.Email;

namespace TwoFactorDemo.Web.Methods.EmailLink;

/// <summary>The mail that carries a sign-in link.</summary>
public static class SignInLinkEmail
{
    /// <summary>The mail, saying who asked (browser, IP address, time) so the owner can tell their own sign-in from somebody else's.</summary>
    public static EmailMessage Create(string to, string link, int minutes, string requestedBy, string? requestedFrom, DateTimeOffset requestedAt) => EmailTemplates.Build(to,
        "Your TwoFactorDemo sign-in link",
        $"Someone signing in to TwoFactorDemo with {requestedBy}{(requestedFrom is null ? "" : $" (IP address {requestedFrom})")} " +
        $"asked for this link at {requestedAt:HH:mm} UTC on {requestedAt:d MMMM yyyy}. If that was you, use it to finish signing in. " +
        $"It works once, for {minutes} minutes. You can open it on this device or another one; on another device, type the number your sign-in page shows.",
        "Finish signing in", link,
        "If you aren't signing in right now, don't open the link: someone may know your password. Change it.");
}
