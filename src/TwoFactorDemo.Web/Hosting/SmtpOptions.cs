namespace TwoFactorDemo.Web.Hosting;

/// <summary>The <c>Email:Smtp</c> section; Host is required when <c>Email:Provider</c> is <c>Smtp</c>.</summary>
public class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public int TimeoutSeconds { get; set; } = 10;
}
