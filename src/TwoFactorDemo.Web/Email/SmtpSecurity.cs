namespace TwoFactorDemo.Web.Email;

/// <summary>How the SMTP connection is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text: only for a mail catcher on this machine.</summary>
    None,
    StartTls,
    StartTlsWhenAvailable,
    SslOnConnect,
}
