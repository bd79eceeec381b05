using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Methods.Totp;

/// <summary>
/// Authenticator-app codes. Accepts ±1 step against the server clock, and each time step at most once:
/// the last accepted step moves forward in one conditional UPDATE, so two requests racing with the same
/// code cannot both win.
/// </summary>
public sealed class TotpTokenProvider(
    AppDbContext db,
    TotpSecretProtector protector,
    TimeProvider clock,
    SecurityEventLog audit) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult(user.TotpSecret is not null);

    // The code comes from the user's app; the server sends nothing.
    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        if (user.TotpSecret is null)
        {
            return false;
        }
        var step = TotpAlgorithm.MatchStep(protector.Unprotect(user.TotpSecret), VerificationCode.Normalize(token), clock.GetUtcNow());
        if (step is null)
        {
            return false;
        }
        if (!await TryAdvanceLastStepAsync(user, step.Value))
        {
            await audit.WriteAsync(SecurityEventKinds.TotpReplay, user.Id, $"time step {step} already used");
            return false;
        }
        return true;
    }

    /// <summary>Records <paramref name="step"/> as used; false when it, or a later one, was used already.</summary>
    public async Task<bool> TryAdvanceLastStepAsync(ApplicationUser user, long step)
    {
        // The concurrency stamp changes with the step: a request that read the user before cannot write its older
        // step back through UserManager.UpdateAsync (its stamp no longer matches, so that write fails instead).
        var stamp = Guid.NewGuid().ToString();
        var updated = await db.Users
            .Where(u => u.Id == user.Id && (u.TotpLastAcceptedStep == null || u.TotpLastAcceptedStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.TotpLastAcceptedStep, step).SetProperty(u => u.ConcurrencyStamp, stamp));
        if (updated == 0)
        {
            return false;
        }
        // Keep the tracked entity in step without making it dirty, so no later SaveChanges writes these columns again.
        db.SetStored(user, u => u.TotpLastAcceptedStep, step);
        db.SetStored(user, u => u.ConcurrencyStamp, stamp);
        return true;
    }
}
