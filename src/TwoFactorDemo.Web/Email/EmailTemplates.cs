using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;

namespace TwoFactorDemo.Web.Email;

/// <summary>
/// The account's mails, each as plain text and simple HTML with the same words and link, in the language of the page
/// that asked for them (the words are resources). A method's own mail (the sign-in link) lives in its folder and is
/// built with <see cref="Build"/>.
/// </summary>
public static class EmailTemplates
{
    public static EmailMessage ConfirmEmail(string to, string link, IStringLocalizer T) => Build(to,
        T["Confirm your email for TwoFactorDemo"],
        T["Please confirm that this is your email address for TwoFactorDemo."],
        T["Confirm my email"], link,
        T["If you didn't create an account, ignore this message."], T);

    public static EmailMessage ResetPassword(string to, string link, IStringLocalizer T) => Build(to,
        T["Reset your TwoFactorDemo password"],
        T["Someone (hopefully you) asked to reset the password of your TwoFactorDemo account. The link works for a limited time. Resetting the password does not turn off your second factor, and it signs you out everywhere."],
        T["Choose a new password"], link,
        T["If you didn't ask for this, ignore this message: your password stays as it is."], T);

    public static EmailMessage RegistrationAttempt(string to, string link, IStringLocalizer T) => Build(to,
        T["Someone tried to register with your TwoFactorDemo address"],
        T["Someone tried to create a TwoFactorDemo account with this address, which already has one. Nothing was changed, and they were told nothing about your account. If it was you and you forgot your password, reset it here."],
        T["Reset my password"], link,
        T["If it wasn't you, you can ignore this message: your account, password and second factor stay as they are."], T);

    /// <summary>One mail: an introduction, one button-like link (also written out), and a footer.</summary>
    public static EmailMessage Build(string to, string subject, string intro, string action, string link, string footer, IStringLocalizer T)
    {
        var text = $"{intro}\n\n{action}:\n{link}\n\n{footer}\n";
        var html = HtmlEncoder.Default;
        var body =
            $"<p>{html.Encode(intro)}</p>" +
            $"<p><a href=\"{html.Encode(link)}\">{html.Encode(action)}</a></p>" +
            $"<p style=\"color:#666\">{html.Encode(T["Or copy this address: {0}", link])}</p>" +
            $"<p style=\"color:#666\">{html.Encode(footer)}</p>";
        return new EmailMessage(to, subject, text, body);
    }
}
