using Microsoft.EntityFrameworkCore;

namespace TwoFactorDemo.Web.Data;

/// <summary>
/// Runs a step's writes as one transaction: they are kept or lost together (a sign-in never without its audit
/// record), and SQLite syncs the disk once instead of once per write. Called inside another one, it joins it:
/// the outer commit decides.
/// </summary>
/// <remarks>
/// The transaction holds the database's one write lock (<see cref="SqliteWriteGate"/>) until it ends, so nothing slow
/// belongs inside it: no password hashing, no call to another service. Check the proof first, then write.
/// </remarks>
public static class OneCommit
{
    public static async Task<T> InOneCommitAsync<T>(this DbContext db, Func<Task<T>> writes)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await writes();
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await writes();
        await transaction.CommitAsync();
        return result;
    }

    /// <summary><see cref="InOneCommitAsync{T}(DbContext, Func{Task{T}})"/> for writes that return nothing.</summary>
    public static Task InOneCommitAsync(this DbContext db, Func<Task> writes) =>
        db.InOneCommitAsync(async () =>
        {
            await writes();
            return true;
        });
}
