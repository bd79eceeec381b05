using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.SignIn;

/// <summary>
/// The account's failure count and lockout, kept with single conditional statements so that parallel attempts can
/// neither skip the count nor put back an older value. Every attempt is counted <b>before</b> its proof is checked;
/// a right proof then takes its count back (<see cref="WithdrawAsync"/>) or clears it (<see cref="SucceededAsync"/>).
/// </summary>
/// <remarks>
/// Identity's <c>AccessFailedAsync</c> reads the user, adds one and writes the whole row back under a concurrency
/// stamp: parallel guesses lost that race (40 wrong passwords counted 3, 117 of 121 wrong codes answered 500) and a
/// stale row written back undid a spent TOTP step. Here each statement changes only the columns it names, bumps the
/// concurrency stamp (so a stale <c>UserManager.UpdateAsync</c> fails instead of writing old values back), and is
/// plain SQL that runs the same on SQLite and PostgreSQL (on PostgreSQL the UPDATE's row lock orders parallel
/// attempts of one user). Call these inside the step's transaction (<see cref="OneCommit"/>).
/// </remarks>
public sealed class SignInAttempts(AppDbContext db, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    private int MaxFailures => identity.Value.Lockout.MaxFailedAccessAttempts;

    /// <summary>
    /// Counts one attempt for <paramref name="user"/> before its proof is checked; at the limit the same statement
    /// locks the account. Null when the account is locked already: refuse without checking the proof.
    /// </summary>
    public async Task<AttemptTicket?> CountAsync(ApplicationUser user)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        var until = now.Add(identity.Value.Lockout.DefaultLockoutTimeSpan);
        var stamp = Guid.NewGuid().ToString();
        var rows = await db.Database.SqlQuery<CountRow>($"""
            UPDATE "AspNetUsers"
            SET "AccessFailedCount" = CASE WHEN "AccessFailedCount" + 1 >= {MaxFailures} THEN 0 ELSE "AccessFailedCount" + 1 END,
                "LockoutEnd" = CASE WHEN "AccessFailedCount" + 1 >= {MaxFailures} THEN {until} ELSE "LockoutEnd" END,
                "ConcurrencyStamp" = {stamp}
            WHERE "Id" = {user.Id} AND ("LockoutEnd" IS NULL OR "LockoutEnd" <= {now})
            RETURNING "AccessFailedCount", "LockoutEnd"
            """).ToListAsync();
        if (rows.Count == 0)
        {
            return null;
        }
        var row = rows[0];
        Track(user, row.AccessFailedCount, row.LockoutEnd, stamp);
        return new AttemptTicket(row.LockoutEnd == until, until);
    }

    /// <summary>
    /// The proof was right and the sign-in is complete: the count goes back to zero and a lock this attempt set is
    /// lifted. False when the account was locked meanwhile by anything else (an admin): refuse the sign-in.
    /// </summary>
    public async Task<bool> SucceededAsync(ApplicationUser user, AttemptTicket ticket)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        var stamp = Guid.NewGuid().ToString();
        var updated = await db.Database.ExecuteSqlAsync($"""
            UPDATE "AspNetUsers" SET "AccessFailedCount" = 0, "LockoutEnd" = NULL, "ConcurrencyStamp" = {stamp}
            WHERE "Id" = {user.Id} AND ("LockoutEnd" IS NULL OR "LockoutEnd" <= {now} OR "LockoutEnd" = {ticket.LockedUntil})
            """);
        if (updated == 1)
        {
            Track(user, 0, null, stamp);
        }
        return updated == 1;
    }

    /// <summary>
    /// The proof was right but another step follows (a password before the second factor): this attempt's count is
    /// taken back, leaving earlier failures counted (a right password must not reset wrong codes), and a lock this
    /// attempt set is lifted. False when the account was locked meanwhile by anything else.
    /// </summary>
    public async Task<bool> WithdrawAsync(ApplicationUser user, AttemptTicket ticket)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        var stamp = Guid.NewGuid().ToString();
        var rows = await db.Database.SqlQuery<CountRow>($"""
            UPDATE "AspNetUsers"
            SET "AccessFailedCount" = CASE WHEN "LockoutEnd" = {ticket.LockedUntil} THEN {MaxFailures - 1}
                                           WHEN "AccessFailedCount" > 0 THEN "AccessFailedCount" - 1 ELSE 0 END,
                "LockoutEnd" = CASE WHEN "LockoutEnd" = {ticket.LockedUntil} THEN NULL ELSE "LockoutEnd" END,
                "ConcurrencyStamp" = {stamp}
            WHERE "Id" = {user.Id} AND ("LockoutEnd" IS NULL OR "LockoutEnd" <= {now} OR "LockoutEnd" = {ticket.LockedUntil})
            RETURNING "AccessFailedCount", "LockoutEnd"
            """).ToListAsync();
        if (rows.Count == 0)
        {
            return false;
        }
        Track(user, rows[0].AccessFailedCount, rows[0].LockoutEnd, stamp);
        return true;
    }

    // The tracked user reads what the database now holds, and no later SaveChanges writes these columns again.
    private void Track(ApplicationUser user, int count, DateTimeOffset? lockoutEnd, string stamp)
    {
        db.SetStored(user, u => u.AccessFailedCount, count);
        db.SetStored(user, u => u.LockoutEnd, lockoutEnd);
        db.SetStored(user, u => u.ConcurrencyStamp, stamp);
    }

    private sealed record CountRow(int AccessFailedCount, DateTimeOffset? LockoutEnd);
}
