using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.TwoFactor.RecoveryCodes;
using TwoFactorDemo.Web.TwoFactor.Totp;

namespace TwoFactorDemo.Web.TwoFactor;

/// <summary>The self-service changes behind /Security: enabling and disabling methods, recovery codes.</summary>
public sealed class SecondFactorSettings(
    EnrolledMethods enrolled,
    TotpEnrollment totp,
    RecoveryCodeService recoveryCodes,
    SecondFactorSignIn signIn,
    AppDbContext db)
{
    public async Task<IReadOnlyList<MethodState>> MethodsAsync(ApplicationUser user)
    {
        var states = new List<MethodState>();
        foreach (var method in enrolled.All.Where(m => m.IsPrimary))
        {
            states.Add(new MethodState(method, await method.IsEnrolledAsync(user)));
        }
        return states;
    }

    /// <summary>
    /// Enables TOTP with a code from the app. Returns the new recovery codes when this is the user's first
    /// method, an empty list when it is not, and null when the code was wrong.
    /// </summary>
    public async Task<IReadOnlyList<string>?> EnableTotpAsync(ApplicationUser user, string code)
    {
        var firstMethod = !await enrolled.HasPrimaryAsync(user);
        if (!await totp.ConfirmAsync(user, code))
        {
            return null;
        }
        return await MethodProvedAsync(user, SecondFactorMethodNames.Totp, firstMethod);
    }

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

    /// <summary>Turns TOTP off.</summary>
    public Task DisableTotpAsync(ApplicationUser user) => RemoveMethodAsync(user, () => totp.DisableAsync(user));

    /// <summary>
    /// Turns a method off with <paramref name="remove"/> (its writes and audit record), then <see cref="MethodRemovedAsync"/>,
    /// all in one commit: a failure part-way leaves the method as it was, never a method off with its codes kept.
    /// </summary>
    public Task RemoveMethodAsync(ApplicationUser user, Func<Task> remove) =>
        db.InOneCommitAsync(async () =>
        {
            await remove();
            await MethodRemovedAsync(user);
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
