using TwoFactorDemo.Web.Email;

namespace TwoFactorDemo.Web.Methods.EmailLink;

/// <summary>The mail that carries a sign-in link.</summary>
public static class SignInLinkEmail
{
    public static EmailMessage Create(string to, string link, int minutes) => EmailTemplates.Build(to,
        "Your TwoFactorDemo sign-in link",
        $"Use this link to finish signing in to TwoFactorDemo. It works once, for {minutes} minutes. " +
        "You can open it on this device or another one; you'll be asked to confirm.",
        "Finish signing in", link,
        "If you aren't signing in right now, don't open the link: someone may know your password. Change it.");
}
