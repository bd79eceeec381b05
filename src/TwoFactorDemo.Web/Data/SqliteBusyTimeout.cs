using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TwoFactorDemo.Web.Data;

/// <summary>
/// Lets SQLite itself wait for a busy write lock (its busy handler retries after 1, 2, 5, 10… ms) on every
/// connection the app opens.
/// </summary>
/// <remarks>
/// Without it, Microsoft.Data.Sqlite answers SQLITE_BUSY by blocking the thread in <c>Thread.Sleep(150)</c> and
/// retrying: two sign-ins writing at once then cost one of them 150 ms, and in the login benchmark 14.5 % of
/// all thread time was spent in that sleep (see bench/README.md).
/// </remarks>
public sealed class SqliteBusyTimeout(TimeSpan timeout) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            SQLitePCL.raw.sqlite3_busy_timeout(handle, (int)timeout.TotalMilliseconds);
        }
    }
}
