namespace TwoFactorDemo.Web.Email;

/// <summary>Delivers mail. False means it could not be sent (already logged); the caller tells the user to try again.</summary>
public interface IAppEmailSender
{
    Task<bool> SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
