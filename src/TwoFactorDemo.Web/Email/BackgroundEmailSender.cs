namespace TwoFactorDemo.Web.Email;

/// <summary>Sends what <see cref="BackgroundEmailQueue"/> holds, one message at a time.</summary>
public sealed class BackgroundEmailSender(BackgroundEmailQueue queue, IServiceScopeFactory scopes, ILogger<BackgroundEmailSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IAppEmailSender>().SendAsync(message, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not send a queued mail");
            }
        }
    }
}
