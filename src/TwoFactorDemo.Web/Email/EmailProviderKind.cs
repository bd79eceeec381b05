namespace TwoFactorDemo.Web.Email;

/// <summary>Where mail goes: files listed at /dev/mailbox, or a real SMTP server.</summary>
public enum EmailProviderKind
{
    DevMailbox,
    Smtp,
}
