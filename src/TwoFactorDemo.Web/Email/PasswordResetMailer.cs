namespace TwoFactorDemo.Web.Email;

/// <summary>Handles <see cref="PasswordResetQueue"/> one request at a time (<see cref="AccountEmails.SendPasswordResetAsync"/>).</summary>
public sealed class PasswordResetMailer(PasswordResetQueue queue, IServiceScopeFactory scopes, ILogger<PasswordResetMailer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var request in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AccountEmails>().SendPasswordResetAsync(request);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not handle a password-reset request");
            }
        }
    }
}
