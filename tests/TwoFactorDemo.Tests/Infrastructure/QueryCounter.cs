using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TwoFactorDemo.Tests.Infrastructure;

/// <summary>Counts the SQL commands the app runs, so tests can check work grows with the page, not the table.</summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private readonly List<string> _commands = [];

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

    public void Reset()
    {
        lock (_commands)
        {
            _commands.Clear();
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
}
