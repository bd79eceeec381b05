using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Email;

namespace TwoFactorDemo.Web.Outbox;

/// <summary>
/// The sender: claims due messages (<see cref="OutboxStore.ClaimAsync"/>), sends each through <see cref="IAppEmailSender"/>,
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
        while (!stoppingToken.IsCancellationRequested)
        {
            int handled;
            try
            {
                handled = await RunOnceAsync(stoppingToken);
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
                    await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims one batch and handles it; returns how many messages it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claim = $"{_instance}-{Guid.NewGuid():N}"[..40];
        List<OutboxMessage> batch;
        await using (var scope = scopes.CreateAsyncScope())
        {
            batch = await scope.ServiceProvider.GetRequiredService<OutboxStore>().ClaimAsync(claim, cancellationToken);
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
        EmailMessage? message;
        try
        {
            message = services.GetServices<IOutboxComposer>().FirstOrDefault(c => c.Kind == row.Kind) is { } composer
                ? await composer.ComposeAsync(row) is { } composed ? composed with { MessageId = row.MessageId } : null
                : services.GetRequiredService<MailOutbox>().Open(row);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("Outbox message {Id} ({Kind}) could not be prepared: {Error}", row.Id, row.Kind, ex.Message);
            await store.FailedAsync(row, claim, $"could not be prepared: {ex.Message}");
            return;
        }
        if (message is null)
        {
            await store.DroppedAsync(row, claim, "nothing to send");
            return;
        }
        if (await services.GetRequiredService<IAppEmailSender>().SendAsync(message, cancellationToken))
        {
            await store.SentAsync(row, claim);
        }
        else
        {
            await store.FailedAsync(row, claim, "the mail server did not accept it (see the log)");
            logger.LogWarning("Outbox message {Id} ({Kind}) failed (attempt {Attempt}); it will be retried", row.Id, row.Kind, row.Attempts + 1);
        }
    }
}
