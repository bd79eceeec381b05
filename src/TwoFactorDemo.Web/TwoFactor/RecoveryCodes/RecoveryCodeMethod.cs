using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.TwoFactor.RecoveryCodes;

/// <summary>Recovery codes: offered last, and only while some are left.</summary>
public sealed class RecoveryCodeMethod(RecoveryCodeService codes) : ISecondFactorMethod
{
    public string Name => SecondFactorMethodNames.Recovery;
    public string DisplayName => "Recovery code";
    public string Description => "Use one of the recovery codes you saved when you set up two-factor sign-in.";
    public int Order => 100;
    public bool IsPrimary => false;
    public bool ChecksProofLocally => true;
    public string ChallengeAction => "Recovery";
    public string SetupPath => "/Security/RecoveryCodes";

    public string FormatMessage => "A recovery code is 12 letters and digits, like ABCD-EFGH-JKLM.";

    public bool IsWellFormed(string normalizedProof) => RecoveryCodeService.IsWellFormed(normalizedProof);

    public async Task<bool> IsEnrolledAsync(ApplicationUser user) => await codes.CountRemainingAsync(user.Id) > 0;

    public Task<bool> IsAvailableAsync(ApplicationUser user) => IsEnrolledAsync(user);

    public Task ResetAsync(ApplicationUser user) => codes.DeleteAllAsync(user.Id);

    public Task OtherMethodSucceededAsync(ApplicationUser user) => Task.CompletedTask;
}
