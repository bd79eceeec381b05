using System.ComponentModel.DataAnnotations;

namespace TwoFactorDemo.Web.Email;

/// <summary>The <c>Email</c> section.</summary>
public class EmailOptions
{
    public const string Section = "Email";

    [EnumDataType(typeof(EmailProviderKind))]
    public EmailProviderKind Provider { get; set; } = EmailProviderKind.DevMailbox;

    /// <summary>The site's public address for links in mails, e.g. <c>https://login.example.com</c>; when unset, the request's host.</summary>
    [Url(ErrorMessage = "Email:LinkBaseUrl must be an absolute URL.")]
    public string? LinkBaseUrl { get; set; }

    /// <summary>Where the dev mailbox keeps its .eml files (relative to the project folder).</summary>
    public string MailboxPath { get; set; } = "App_Data/mail";

    /// <summary>How long a sign-in link works; 15 minutes at most (ASVS 2.7.2).</summary>
    [Range(1, 15, ErrorMessage = "Email:MagicLinkMinutes must be between 1 and 15.")]
    public int MagicLinkMinutes { get; set; } = 15;

    /// <summary>How long a password-reset link works (ASVS: short-lived); one link at a time.</summary>
    [Range(15, 60, ErrorMessage = "Email:PasswordResetMinutes must be between 15 and 60.")]
    public int PasswordResetMinutes { get; set; } = 30;

    [Range(1, 1000, ErrorMessage = "Email:SendsPerAddress must be between 1 and 1000.")]
    public int SendsPerAddress { get; set; } = 5;

    [Range(1, 10000, ErrorMessage = "Email:SendsPerIp must be between 1 and 10000.")]
    public int SendsPerIp { get; set; } = 20;

    public SmtpOptions Smtp { get; set; } = new();
}
