using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;

namespace TwoFactorDemo.Web.Methods.RecoveryCodes;

/// <summary>Recovery codes: offered last, and only while some are left.</summary>
public sealed class RecoveryCodeMethod(IStringLocalizer<SharedResource> T, RecoveryCodeService codes, AppDbContext db, UserManager<ApplicationUser> users) : ISecondFactorMethod
{
    public const string MethodName = "recovery";

    public string Name => MethodName;
    public string DisplayName => T["Recovery code"];

    public string VerifiedPhrase => T["Verified with a recovery code"];
    public string Description => T["Use one of the recovery codes you saved when you set up two-factor sign-in."];
    public int Order => 100;
    public bool EnrolmentOnUserRow => false;
    public bool IsPrimary => false;
    public bool IsPhishingResistant => false;
    public bool CountsForStepUp => true;
    public bool ChecksProofLocally => true;
    public string ChallengePath => "/TwoFactor/Recovery";
    public string SetupPath => "/Security/RecoveryCodes";

    /// <summary>Recovery codes are never turned off on their own: they go with the last method (no record of their own).</summary>
    public string DisabledEventKind => "";
    public string FormatMessage => T["A recovery code is 12 letters and digits, like ABCD-EFGH-JKLM."];
    public Expression<Func<ApplicationUser, bool>> EnrolledFilter => u => db.Set<RecoveryCode>().Any(c => c.UserId == u.Id && c.UsedAt == null);

    public bool IsWellFormed(string normalizedProof) => RecoveryCodeService.IsWellFormed(normalizedProof);

    public async Task<bool> IsEnrolledAsync(ApplicationUser user) => await codes.CountRemainingAsync(user.Id) > 0;

    public Task<bool> IsAvailableAsync(ApplicationUser user) => IsEnrolledAsync(user);

    public async Task<ProofCheck> CheckAsync(ApplicationUser user, string proof) =>
        await users.VerifyTwoFactorTokenAsync(user, Name, proof)
            ? ProofCheck.Accepted
            : ProofCheck.Refused(T["That recovery code didn't work. Each code works once; check it against your saved list."]);

    public async Task<MethodDescription> DescribeAsync(ApplicationUser user) =>
        new(T["{0} of {1} left", await codes.CountRemainingAsync(user.Id), RecoveryCodeService.CodeCount]);

    public Task ResetAsync(ApplicationUser user) => codes.DeleteAllAsync(user.Id);

    public Task OtherMethodSucceededAsync(ApplicationUser user) => Task.CompletedTask;
}
