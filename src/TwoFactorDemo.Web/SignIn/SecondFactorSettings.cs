using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Methods;

namespace TwoFactorDemo.Web.SignIn;

/// <summary>
/// What every method's set-up page shares: a method added (recovery codes for a first one, and a first method proved
/// here verifies this session), a method turned off (in one commit; with none left the codes go and the session drops
/// its claim), and new recovery codes.
/// </summary>
public sealed class SecondFactorSettings(
    EnrolledMethods enrolled,
    IRecoveryCodes recoveryCodes,
    SecondFactorSignIn signIn,
    UserManager<ApplicationUser> users,
    SecurityEventLog audit,
    AppDbContext db)
{
    /// <summary>True when the user has a real method (in any state): step-up applies, recovery codes make sense.</summary>
    public Task<bool> HasMethodAsync(ApplicationUser user) => enrolled.HasPrimaryAsync(user);

    /// <summary>
    /// Turns a method on with a proof the user just gave (a code): <paramref name="enable"/> checks it and makes the
    /// method's writes (false when the proof was wrong: nothing is written), then <see cref="MethodProvedAsync"/>, in one
    /// commit. The new recovery codes when they were made, an empty list when not, null when <paramref name="enable"/> refused.
    /// </summary>
    public Task<IReadOnlyList<string>?> EnableProvedAsync(ApplicationUser user, string method, Func<Task<bool>> enable) =>
        db.InOneCommitAsync(async () =>
        {
            var firstMethod = !await enrolled.HasPrimaryAsync(user);
            return await enable() ? await MethodProvedAsync(user, method, firstMethod) : null;
        });

    /// <summary>
    /// Turns a method on without a proof in this session (email links, a completed typing profile): <paramref name="enable"/>
    /// makes the method's writes (false: it did not turn on), then <see cref="MethodAddedAsync"/>, in one commit.
    /// </summary>
    public Task<IReadOnlyList<string>?> EnableAsync(ApplicationUser user, Func<Task<bool>> enable) =>
        db.InOneCommitAsync(async () =>
        {
            var firstMethod = !await enrolled.HasPrimaryAsync(user);
            return await enable() ? await MethodAddedAsync(user, firstMethod) : null;
        });

    /// <summary>
    /// After a method was enabled with a fresh proof (a code the user just typed): recovery codes are made when it is
    /// the first method (or none are left). Only a first method re-issues the session as verified by it: on an account
    /// that had a method, enrolling one must never upgrade the session (a remembered browser would otherwise make
    /// itself a fresh "totp" session and pass every step-up; issue 13, finding 2).
    /// </summary>
    public async Task<IReadOnlyList<string>> MethodProvedAsync(ApplicationUser user, string method, bool firstMethod)
    {
        var codes = await MethodAddedAsync(user, firstMethod);
        if (firstMethod)
        {
            await signIn.CompleteSecondFactorAsync(user, method, rememberBrowser: false);
        }
        return codes;
    }

    /// <summary>
    /// After a method was added without a proof in this session (email links, typing): the session stays as it
    /// is, and recovery codes are made when it is the first method (or none are left). Empty when none were made.
    /// </summary>
    public async Task<IReadOnlyList<string>> MethodAddedAsync(ApplicationUser user, bool firstMethod) =>
        firstMethod || await recoveryCodes.CountRemainingAsync(user.Id) == 0
            ? await recoveryCodes.GenerateAsync(user.Id)
            : [];

    /// <summary>
    /// The user's "turn off" for <paramref name="method"/>: the method removes what it keeps, the user row is saved and
    /// the method's audit record written, then <see cref="MethodRemovedAsync"/>, all in one commit (a failure part-way
    /// leaves the method as it was, never a method off with its codes kept).
    /// </summary>
    public Task TurnOffAsync(ApplicationUser user, ISecondFactorMethod method) =>
        db.InOneCommitAsync(async () =>
        {
            await method.ResetAsync(user);
            await users.SaveUserAsync(user);
            await audit.WriteAsync(method.DisabledEventKind, user.Id);
            await MethodRemovedAsync(user);
        });

    /// <summary>
    /// Removes part of a method (one of several passkeys): <paramref name="remove"/> makes its writes (false: nothing
    /// was there), then <see cref="MethodRemovedAsync"/> in case that was the last of it, in one commit.
    /// </summary>
    public Task<bool> RemovePartAsync(ApplicationUser user, Func<Task<bool>> remove) =>
        db.InOneCommitAsync(async () =>
        {
            if (!await remove())
            {
                return false;
            }
            await MethodRemovedAsync(user);
            return true;
        });

    /// <summary>
    /// After a method was turned off: with no method left, the recovery codes go too (they back up nothing)
    /// and this session drops its second-factor claim, so enforcement asks for a new method.
    /// </summary>
    public async Task MethodRemovedAsync(ApplicationUser user)
    {
        if (!await enrolled.HasPrimaryAsync(user))
        {
            await recoveryCodes.DeleteAllAsync(user.Id);
            await signIn.SignInAfterPasswordAsync(user);
        }
    }

    /// <summary>New recovery codes, or null when the user has no method for them to back up.</summary>
    public async Task<IReadOnlyList<string>?> RegenerateRecoveryCodesAsync(ApplicationUser user) =>
        await enrolled.HasPrimaryAsync(user) ? await recoveryCodes.GenerateAsync(user.Id) : null;
}
