using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.Methods;
using TwoFactorDemo.Web.Sessions;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Administration;

/// <summary>What an admin can do to an account; every action is audited with the admin as actor.</summary>
public sealed class UserAdministration(
    IStringLocalizer<SharedResource> T,
    UserManager<ApplicationUser> users,
    AppDbContext db,
    UserSessionRevoker sessions,
    SecondFactorSignIn signIn,
    EnrolledMethods methods,
    SecurityEventLog audit)
{
    /// <summary>Runs <paramref name="operation"/> on <paramref name="target"/>: all its writes and its audit record in one commit.</summary>
    public Task<AdminActionResult> RunAsync(string operation, ApplicationUser target, string adminId) =>
        db.InOneCommitAsync(() => DoAsync(operation, target, adminId));

    private async Task<AdminActionResult> DoAsync(string operation, ApplicationUser target, string adminId) => operation switch
    {
        AdminOperations.ResetSecondFactors => await ResetSecondFactorsAsync(target),
        AdminOperations.Lock => await LockAsync(target),
        AdminOperations.Unlock => await UnlockAsync(target),
        AdminOperations.SignOutEverywhere => await SignOutEverywhereAsync(target),
        AdminOperations.GrantAdmin => await GrantAdminAsync(target),
        AdminOperations.RevokeAdmin => await RevokeAdminAsync(target, adminId),
        AdminOperations.Delete => await DeleteAsync(target, adminId),
        _ => new AdminActionResult(false, T["Unknown action."]),
    };

    /// <summary>
    /// "They lost their phone": every method, the recovery codes and remembered browsers go, the stamp
    /// changes and every session is deleted at once (not just at the next stamp check).
    /// </summary>
    private async Task<AdminActionResult> ResetSecondFactorsAsync(ApplicationUser user)
    {
        foreach (var method in methods.All)
        {
            await method.ResetAsync(user);
        }
        await users.SaveUserAsync(user);
        await EndSessionsAsync(user);
        await audit.WriteAsync(SecurityEventKinds.AdminResetSecondFactors, user.Id);
        return new AdminActionResult(true, T["The second factors of {0} are reset and every session ended. They set up a method at the next sign-in.", user.Email!]);
    }

    private async Task<AdminActionResult> LockAsync(ApplicationUser user)
    {
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await EndSessionsAsync(user);
        await audit.WriteAsync(SecurityEventKinds.AdminLocked, user.Id);
        return new AdminActionResult(true, T["{0} is locked and signed out.", user.Email!]);
    }

    private async Task<AdminActionResult> UnlockAsync(ApplicationUser user)
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync(SecurityEventKinds.AdminUnlocked, user.Id);
        return new AdminActionResult(true, T["{0} is unlocked.", user.Email!]);
    }

    private async Task<AdminActionResult> SignOutEverywhereAsync(ApplicationUser user)
    {
        await EndSessionsAsync(user);
        await audit.WriteAsync(SecurityEventKinds.AdminSignedOut, user.Id);
        return new AdminActionResult(true, T["Every session of {0} has ended.", user.Email!]);
    }

    private async Task<AdminActionResult> GrantAdminAsync(ApplicationUser user)
    {
        if (await users.IsInRoleAsync(user, DatabaseInitializer.AdminRole))
        {
            return new AdminActionResult(false, T["{0} is already an admin.", user.Email!]);
        }
        await users.AddToRoleAsync(user, DatabaseInitializer.AdminRole);
        await audit.WriteAsync(SecurityEventKinds.AdminGranted, user.Id);
        return new AdminActionResult(true, T["{0} is now an admin.", user.Email!]);
    }

    private async Task<AdminActionResult> RevokeAdminAsync(ApplicationUser user, string adminId)
    {
        if (!await users.IsInRoleAsync(user, DatabaseInitializer.AdminRole))
        {
            return new AdminActionResult(false, T["{0} is not an admin.", user.Email!]);
        }
        if (!await RemoveAdminUnlessLastAsync(user))
        {
            return new AdminActionResult(false, user.Id == adminId
                ? T["You are the last admin. Make someone else an admin first."]
                : T["{0} is the last admin. Make someone else an admin first.", user.Email!]);
        }
        // The role lives in the session's cookie: take it away now, not at the next stamp check.
        if (user.Id == adminId)
        {
            await signIn.RefreshAsync(user);
        }
        else
        {
            await EndSessionsAsync(user);
        }
        await audit.WriteAsync(SecurityEventKinds.AdminRevoked, user.Id);
        return new AdminActionResult(true, T["{0} is no longer an admin.", user.Email!]);
    }

    /// <summary>
    /// Takes the role away unless no other admin would remain, checked and changed in one commit: two admins removing
    /// themselves at once once left none. The role row is touched first so that the commit holds a lock on it (the one
    /// write lock on SQLite, the row lock on PostgreSQL), then one conditional DELETE counts and removes.
    /// </summary>
    private async Task<bool> RemoveAdminUnlessLastAsync(ApplicationUser user)
    {
        var roleId = await db.Roles.Where(r => r.Name == DatabaseInitializer.AdminRole).Select(r => r.Id).SingleAsync();
        return await db.InOneCommitAsync(async () =>
        {
            await db.Database.ExecuteSqlAsync($"""UPDATE "AspNetRoles" SET "ConcurrencyStamp" = "ConcurrencyStamp" WHERE "Id" = {roleId}""");
            return await db.Database.ExecuteSqlAsync($"""
                DELETE FROM "AspNetUserRoles" WHERE "UserId" = {user.Id} AND "RoleId" = {roleId}
                  AND (SELECT COUNT(*) FROM "AspNetUserRoles" WHERE "RoleId" = {roleId}) > 1
                """) == 1;
        });
    }

    private async Task<AdminActionResult> DeleteAsync(ApplicationUser user, string adminId)
    {
        if (user.Id == adminId)
        {
            return new AdminActionResult(false, T["You can't delete your own account here."]);
        }
        await audit.WriteAsync(SecurityEventKinds.AdminDeleted, user.Id);
        await sessions.RevokeAllAsync(user.Id); // the rows would go with the user anyway; this also ends them in the session cache
        await users.DeleteAsync(user);
        return new AdminActionResult(true, T["{0} is deleted. Their audit entries stay.", user.Email!]);
    }

    private async Task EndSessionsAsync(ApplicationUser user)
    {
        await users.UpdateSecurityStampAsync(user); // also forgets every remembered browser
        await sessions.RevokeAllAsync(user.Id); // sign-in links in flight die with their sessions (cascade)
    }
}
