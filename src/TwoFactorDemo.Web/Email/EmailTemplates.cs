using System.Text.Encodings.Web;

namespace TwoFactorDemo.Web.Email;

/// <summary>
/// The account's mails, each as plain text and simple HTML with the same words and link. A method's own mail (the
/// sign-in link) lives in its folder and is built with <see cref="Build"/>.
/// </summary>
public static class EmailTemplates
{
    public static EmailMessage ConfirmEmail(string to, string link) => Build(to,
        "Confirm your email for TwoFactorDemo",
        "Please confirm that this is your email address for TwoFactorDemo.",
        "Confirm my email", link,
        "If you didn't create an account, ignore this message.");

    public static EmailMessage ResetPassword(string to, string link) => Build(to,
        "Reset your TwoFactorDemo password",
        "Someone (hopefully you) asked to reset the password of your TwoFactorDemo account. The link works for a limited time. " +
        "Resetting the password does not turn off your second factor, and it signs you out everywhere.",
        "Choose a new password", link,
        "If you didn't ask for this, ignore this message: your password stays as it is.");

    public static EmailMessage RegistrationAttempt(string to, string link) => Build(to,
        "Someone tried to register with your TwoFactorDemo address",
        "Someone tried to create a TwoFactorDemo account with this address, which already has one. Nothing was changed, " +
        "and they were told nothing about your account. If it was you and you forgot your password, reset it here.",
        "Reset my password", link,
        "If it wasn't you, you can ignore this message: your account, password and second factor stay as they are.");

    /// <summary>One mail: an introduction, one button-like link (also written out), and a footer.</summary>
    public static EmailMessage Build(string to, string subject, string intro, string action, string link, string footer)
    {
        var text = $"{intro}\n\n{action}:\n{link}\n\n{footer}\n";
        var html = HtmlEncoder.Default;
        var body =
            $"<p>{html.Encode(intro)}</p>" +
            $"<p><a href=\"{html.Encode(link)}\">{html.Encode(action)}</a></p>" +
            $"<p style=\"color:#666\">Or copy this address: {html.Encode(link)}</p>" +
            $"<p style=\"color:#666\">{html.Encode(footer)}</p>";
        return new EmailMessage(to, subject, text, body);
    }
}
