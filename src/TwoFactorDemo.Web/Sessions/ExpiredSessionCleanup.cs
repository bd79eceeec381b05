namespace TwoFactorDemo.Web.Sessions;

/// <summary>Deletes expired server-side sessions once an hour.</summary>
public sealed class ExpiredSessionCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ExpiredSessionCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var removed = await scope.ServiceProvider.GetRequiredService<UserSessionRevoker>().DeleteExpiredAsync();
                logger.LogInformation("Deleted {Count} expired sessions", removed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not delete expired sessions");
            }
        }
    }
}
