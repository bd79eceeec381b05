using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace TwoFactorDemo.Web.Email;

/// <summary>Sends through an SMTP server with MailKit. A failure is logged (never the password) and reported as false.</summary>
public sealed class SmtpEmailSender(MimeMessageFactory factory, IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger) : IAppEmailSender
{
    public async Task<bool> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(smtp.Host ?? "localhost", smtp.Port, smtp.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTlsWhenAvailable,
            }, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }
            await client.SendAsync(factory.Create(message), cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError("Could not send \"{Subject}\" through {Host}:{Port}: {Error}", message.Subject, smtp.Host, smtp.Port, ex.Message);
            return false;
        }
    }
}
