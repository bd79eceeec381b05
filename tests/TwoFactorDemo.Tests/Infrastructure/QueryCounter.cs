using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TwoFactorDemo.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands the app runs, so tests can check work grows with the page, not the table, and the
/// commits they end in: each is a disk sync under SQLite's one write lock.
/// </summary>
public sealed class QueryCounter : DbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly List<string> _commands = [];
    private int _commits;

    public int Count
    {
        get
        {
            lock (_commands)
            {
                return _commands.Count;
            }
        }
    }

    /// <summary>The SQL of each command since the last reset, in order (for a failure message worth reading).</summary>
    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_commands)
            {
                return [.. _commands];
            }
        }
    }

    /// <summary>Commits since the last reset: committed transactions, and writes that ran outside any transaction.</summary>
    public int Commits => Volatile.Read(ref _commits);

    public void Reset()
    {
        lock (_commands)
        {
            _commands.Clear();
            _commits = 0;
        }
    }

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        lock (_commands)
        {
            _commands.Add(result.CommandText);
        }
        return result;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        CountIfAutocommitted(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        CountIfAutocommitted(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        CountIfAutocommitted(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        CountIfAutocommitted(command);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Interlocked.Increment(ref _commits);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _commits);
        return Task.CompletedTask;
    }

    /// <summary>True for INSERT, UPDATE and DELETE.</summary>
    public static bool IsWrite(string sql) =>
        sql.TrimStart().Split(' ', 2)[0].ToUpperInvariant() is "INSERT" or "UPDATE" or "DELETE";

    private void CountIfAutocommitted(DbCommand command)
    {
        if (command.Transaction is null && IsWrite(command.CommandText))
        {
            Interlocked.Increment(ref _commits);
        }
    }
}
