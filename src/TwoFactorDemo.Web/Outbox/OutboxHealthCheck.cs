using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Outbox;

/// <summary>
/// /readyz: the database accepts a write (a transaction whose UPDATE takes the write lock, then rolls back: a read-only or locked database fails here), and
/// the outbox is not stuck. A load balancer stops sending traffic to an instance that cannot write.
/// </summary>
public sealed class OutboxHealthCheck(AppDbContext db, OutboxStore outbox) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await db.Database.ExecuteSqlRawAsync(
                    "UPDATE OutboxMessages SET Attempts = Attempts WHERE Id = (SELECT MAX(Id) FROM OutboxMessages)", cancellationToken);
                await transaction.RollbackAsync(cancellationToken);
            }
            if (await outbox.IsStuckAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("Mail has waited in the outbox for too long: no sender is getting through.");
            }
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database did not accept a write.");
        }
    }
}
