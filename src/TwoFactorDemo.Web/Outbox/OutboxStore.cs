using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Outbox;

/// <summary>
/// The outbox's state changes, each one conditional statement, so several senders (several instances later) never send
/// one message at the same time: a claim is <c>UPDATE … SET ClaimedBy = me WHERE Id IN (due, unclaimed, oldest first,
/// LIMIT n) AND still due and unclaimed</c>. SQLite runs one writer at a time, so two claims cannot overlap; on
/// PostgreSQL the inner SELECT becomes <c>FOR UPDATE SKIP LOCKED</c> and the repeated conditions make a claim that
/// waited on a row re-check it. Every later change names the claim, so a sender whose lease ran out (and whose
/// messages another sender took) changes nothing.
/// </summary>
public sealed class OutboxStore(AppDbContext db, IOptions<OutboxOptions> options, TimeProvider clock)
{
    private OutboxOptions Settings => options.Value;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Claims up to a batch of due messages for <paramref name="claim"/> and returns them. <paramref name="readFirst"/>: a
    /// poll reads first, so an idle instance never takes the write lock; after a signal the claim goes straight to the
    /// UPDATE, which queues behind the signalling request's commit (a read could run before that commit and miss the row).
    /// </summary>
    public async Task<List<OutboxMessage>> ClaimAsync(string claim, CancellationToken cancellationToken, bool readFirst = true)
    {
        var now = Now;
        var due = Due(now);
        if (readFirst && !await due.AnyAsync(cancellationToken))
        {
            return [];
        }
        var batch = due.OrderBy(m => m.DueAt).ThenBy(m => m.Id).Take(Settings.BatchSize).Select(m => m.Id);
        var claimed = await Due(now).Where(m => batch.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ClaimedBy, claim)
            .SetProperty(m => m.ClaimedUntil, now.AddSeconds(Settings.LeaseSeconds)), cancellationToken);
        return claimed == 0 ? [] : await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.ClaimedBy == claim && m.State == OutboxState.Pending)
            .OrderBy(m => m.DueAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Sent: the bodies (the links) are erased.</summary>
    public Task SentAsync(OutboxMessage message, string claim) =>
        Mine(message, claim).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboxState.Sent)
            .SetProperty(m => m.SentAt, Now)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.ProtectedBody, "")
            .SetProperty(m => m.ClaimedBy, (string?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null));

    /// <summary>Nothing to send after all.</summary>
    public Task DroppedAsync(OutboxMessage message, string claim, string why) =>
        Mine(message, claim).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboxState.Dropped)
            .SetProperty(m => m.LastError, why)
            .SetProperty(m => m.ClaimedBy, (string?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null));

    /// <summary>
    /// A failed attempt: due again after an exponential, jittered wait, or a dead letter after the last attempt. A dead
    /// letter gives back the send-limit record it held, in the same commit: nothing went out, so it does not count.
    /// </summary>
    public async Task FailedAsync(OutboxMessage message, string claim, string error)
    {
        var attempts = message.Attempts + 1;
        var dead = attempts >= Settings.MaxAttempts;
        if (dead && message.SendReservationId is { } reservation)
        {
            await db.InOneCommitAsync(async () =>
            {
                if (await MarkFailedAsync(message, claim, error, attempts, dead) == 1)
                {
                    await db.MessageSends.Where(s => s.Id == reservation).ExecuteDeleteAsync();
                }
            });
            return;
        }
        await MarkFailedAsync(message, claim, error, attempts, dead);
    }

    /// <summary>Records that a message composed when sent reserved its send (<see cref="OutboxMessage.SendReservationId"/>), so later attempts don't reserve again.</summary>
    public async Task HoldReservationAsync(OutboxMessage message, long reservation)
    {
        message.SendReservationId = reservation;
        await db.Set<OutboxMessage>().Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.SendReservationId, reservation));
    }

    private Task<int> MarkFailedAsync(OutboxMessage message, string claim, string error, int attempts, bool dead)
    {
        var wait = Math.Min(Settings.MaxRetrySeconds, Settings.FirstRetrySeconds * Math.Pow(2, attempts - 1)) * (0.8 + 0.4 * Random.Shared.NextDouble());
        var text = error.Length > 500 ? error[..500] : error;
        return Mine(message, claim).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, dead ? OutboxState.Dead : OutboxState.Pending)
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.DueAt, Now.AddSeconds(wait))
            .SetProperty(m => m.LastError, text)
            .SetProperty(m => m.ClaimedBy, (string?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null));
    }

    /// <summary>An admin sends a dead letter again: pending now, with its attempts counted afresh.</summary>
    public async Task<bool> RetryAsync(long id) =>
        await db.Set<OutboxMessage>().Where(m => m.Id == id && m.State == OutboxState.Dead).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboxState.Pending)
            .SetProperty(m => m.Attempts, 0)
            .SetProperty(m => m.DueAt, Now)) == 1;

    /// <summary>Pending and dead messages, for the admin dashboard.</summary>
    public async Task<OutboxCounts> CountsAsync()
    {
        var counts = await db.Set<OutboxMessage>().Where(m => m.State == OutboxState.Pending || m.State == OutboxState.Dead)
            .GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return new OutboxCounts(
            counts.FirstOrDefault(c => c.Key == OutboxState.Pending)?.Count ?? 0,
            counts.FirstOrDefault(c => c.Key == OutboxState.Dead)?.Count ?? 0);
    }

    /// <summary>The dead letters, newest first (for the admin page; addresses are masked there).</summary>
    public Task<List<OutboxMessage>> DeadLettersAsync(int count = 100) =>
        db.Set<OutboxMessage>().AsNoTracking().Where(m => m.State == OutboxState.Dead).OrderByDescending(m => m.Id).Take(count).ToListAsync();

    /// <summary>How the user's latest mail of <paramref name="kind"/> since <paramref name="since"/> is doing, or null if there is none.</summary>
    public async Task<OutboxDelivery?> DeliveryAsync(string userId, string kind, DateTime since)
    {
        var state = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.UserId == userId && m.Kind == kind && m.CreatedAt >= since)
            .OrderByDescending(m => m.Id).Select(m => (OutboxState?)m.State).FirstOrDefaultAsync();
        return state switch
        {
            null => null,
            OutboxState.Pending => OutboxDelivery.Sending,
            OutboxState.Sent => OutboxDelivery.Sent,
            _ => OutboxDelivery.Failed,
        };
    }

    /// <summary>True when a pending message is overdue by more than <see cref="OutboxOptions.StuckMinutes"/>: no sender is getting through.</summary>
    public Task<bool> IsStuckAsync(CancellationToken cancellationToken)
    {
        var limit = Now.AddMinutes(-Settings.StuckMinutes);
        return db.Set<OutboxMessage>().AnyAsync(m => m.State == OutboxState.Pending && m.DueAt < limit, cancellationToken);
    }

    private IQueryable<OutboxMessage> Due(DateTime now) =>
        db.Set<OutboxMessage>().Where(m => m.State == OutboxState.Pending && m.DueAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now));

    private IQueryable<OutboxMessage> Mine(OutboxMessage message, string claim) =>
        db.Set<OutboxMessage>().Where(m => m.Id == message.Id && m.ClaimedBy == claim);
}
