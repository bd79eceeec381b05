using Microsoft.Extensions.Options;

namespace TwoFactorDemo.Web.Outbox;

/// <summary>
/// The sender: claims due messages (<see cref="OutboxStore.ClaimAsync"/>), sends each through <see cref="IOutboxSender"/>,
/// and records what happened. Runs in every instance; claims keep them from sending one message twice at once, and a
/// message whose sender died mid-send is sent again after the lease (at-least-once, with a stable Message-ID).
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly string _instance = Guid.NewGuid().ToString("N")[..12];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var signalled = true; // look at once on start
        while (!stoppingToken.IsCancellationRequested)
        {
            int handled;
            try
            {
                handled = await RunOnceAsync(stoppingToken, readFirst: !signalled);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("The mail outbox could not be read: {Error}", ex.Message);
                handled = 0;
            }
            if (handled == 0)
            {
                try
                {
                    signalled = await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims one batch and handles it; returns how many messages it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken, bool readFirst = true)
    {
        var claim = $"{_instance}-{Guid.NewGuid():N}"[..40];
        List<OutboxMessage> batch;
        await using (var scope = scopes.CreateAsyncScope())
        {
            batch = await scope.ServiceProvider.GetRequiredService<OutboxStore>().ClaimAsync(claim, cancellationToken, readFirst);
        }
        foreach (var row in batch)
        {
            // A scope (a unit of work) per message: what composing one message tracked never meets the next.
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            await HandleAsync(services, services.GetRequiredService<OutboxStore>(), row, claim, cancellationToken);
        }
        return batch.Count;
    }

    private async Task HandleAsync(IServiceProvider services, OutboxStore store, OutboxMessage row, string claim, CancellationToken cancellationToken)
    {
        OutboxOutcome outcome;
        try
        {
            outcome = await services.GetRequiredService<IOutboxSender>().SendAsync(row, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("Outbox message {Id} ({Kind}) could not be sent: {Error}", row.Id, row.Kind, ex.Message);
            outcome = OutboxOutcome.Failed($"could not be prepared: {ex.Message}");
        }
        switch (outcome.State)
        {
            case OutboxState.Sent:
                await store.SentAsync(row, claim);
                break;
            case OutboxState.Dropped:
                await store.DroppedAsync(row, claim, outcome.Error ?? "nothing to send");
                break;
            default:
                await store.FailedAsync(row, claim, outcome.Error ?? "failed");
                logger.LogWarning("Outbox message {Id} ({Kind}) failed (attempt {Attempt}); it will be retried", row.Id, row.Kind, row.Attempts + 1);
                break;
        }
    }
}
