using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TwoFactorDemo.Tests.Infrastructure;

/// <summary>Counts the SQL commands the app runs, so tests can check work grows with the page, not the table.</summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => _count;

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }
}
