using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace TwoFactorDemo.Web.Data;

/// <summary>
/// Lets one write into the database at a time, in arrival order, with waiting writers parked asynchronously:
/// each <c>SaveChanges</c>, each explicit transaction, and each <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> outside them.
/// </summary>
/// <remarks>
/// SQLite has a single write lock, and a writer that finds it taken polls: it sleeps 1, 2, 5, 10… up to 100 ms
/// between tries (<see cref="SqliteBusyTimeout"/>), keeping a thread and often waking long after the lock came free.
/// The load benchmark measured the second-factor step at 45 % CPU with a p99 of 440 ms for that reason. Queued
/// here instead, writers reach SQLite one after another and never find it busy. Nothing is held across a request:
/// the gate covers one save or one transaction, is released when it ends (succeeded, failed or cancelled) and, as
/// a backstop, when its connection closes; a writer that waits longer than the timeout goes ahead to SQLite's own
/// busy handler rather than fail.
/// </remarks>
public sealed class SqliteWriteGate(TimeSpan timeout) : ISaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor, IDisposable
{
    public void Dispose() => _gate.Dispose();

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, Hold> _holds = new();
    private readonly ConditionalWeakTable<DbCommand, Hold> _commands = new();

    private sealed class Hold
    {
        public int Depth;
        public bool Owns;
    }

    // SaveChanges: one unit, whatever commands and transaction it uses inside.
    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.Context, cancellationToken);
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Enter(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Exit(eventData.Context);
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Exit(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => Exit(eventData.Context);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context);
        return Task.CompletedTask;
    }

    // Explicit transactions: from BEGIN to COMMIT or ROLLBACK.
    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.Context, cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(eventData.Context);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Exit(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Exit(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Exit(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context);
        return Task.CompletedTask;
    }

    // ExecuteUpdate / ExecuteDelete / raw SQL writes outside the two above.
    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (IsStandaloneWrite(command, eventData.Context) && await EnterAsync(eventData.Context, cancellationToken) is { } hold)
        {
            _commands.AddOrUpdate(command, hold);
        }
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (IsStandaloneWrite(command, eventData.Context) && Enter(eventData.Context) is { } hold)
        {
            _commands.AddOrUpdate(command, hold);
        }
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ExitCommand(command);
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        ExitCommand(command);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ExitCommand(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ExitCommand(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => ExitCommand(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ExitCommand(command);
        return Task.CompletedTask;
    }

    // Backstop: a transaction disposed without COMMIT or ROLLBACK reports neither, but its connection closes.
    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Abandon(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Abandon(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>Whether the gate is free now (for tests).</summary>
    public bool IsFree => _gate.CurrentCount == 1;

    private async Task<Hold?> EnterAsync(DbContext? context, CancellationToken cancellationToken)
    {
        var hold = Join(context, out var mustWait);
        if (mustWait)
        {
            Own(hold!, await _gate.WaitAsync(timeout, cancellationToken).ConfigureAwait(false));
        }
        return hold;
    }

    private Hold? Enter(DbContext? context)
    {
        var hold = Join(context, out var mustWait);
        if (mustWait)
        {
            Own(hold!, _gate.Wait(timeout));
        }
        return hold;
    }

    /// <summary>Counts one more unit of work for the context; only the outermost one waits for the gate.</summary>
    private Hold? Join(DbContext? context, out bool mustWait)
    {
        mustWait = false;
        if (context is null)
        {
            return null;
        }
        var hold = _holds.GetOrCreateValue(context);
        lock (hold)
        {
            mustWait = hold.Depth++ == 0;
        }
        return hold;
    }

    private static void Own(Hold hold, bool owns)
    {
        lock (hold)
        {
            hold.Owns = owns;
        }
    }

    private void Exit(DbContext? context)
    {
        if (context is not null && _holds.TryGetValue(context, out var hold))
        {
            Exit(hold);
        }
    }

    private void Exit(Hold hold)
    {
        lock (hold)
        {
            if (hold.Depth == 0 || --hold.Depth > 0 || !hold.Owns)
            {
                return;
            }
            hold.Owns = false;
        }
        _gate.Release();
    }

    private void ExitCommand(DbCommand command)
    {
        if (_commands.TryGetValue(command, out var hold))
        {
            _commands.Remove(command);
            Exit(hold);
        }
    }

    private void Abandon(DbContext? context)
    {
        if (context is null || !_holds.TryGetValue(context, out var hold))
        {
            return;
        }
        bool owned;
        lock (hold)
        {
            owned = hold.Owns;
            hold.Depth = 0;
            hold.Owns = false;
        }
        if (owned)
        {
            _gate.Release();
        }
    }

    private bool IsStandaloneWrite(DbCommand command, DbContext? context)
    {
        if (context is null || command.Transaction is not null)
        {
            return false;
        }
        if (_holds.TryGetValue(context, out var hold))
        {
            lock (hold)
            {
                if (hold.Depth > 0)
                {
                    return false;
                }
            }
        }
        var sql = command.CommandText.AsSpan().TrimStart();
        return sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)
            || sql.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase);
    }
}
