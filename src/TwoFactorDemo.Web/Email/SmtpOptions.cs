namespace TwoFactorDemo.Web.Email;

/// <summary>The <c>Email:Smtp</c> section; Host is required when <c>Email:Provider</c> is <c>Smtp</c>.</summary>
public class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender, <c>Name &lt;address&gt;</c> or a bare address (the dev mailbox uses it too).</summary>
    public string From { get; set; } = "TwoFactorDemo <no-reply@twofactordemo.local>";
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public int TimeoutSeconds { get; set; } = 10;
}
