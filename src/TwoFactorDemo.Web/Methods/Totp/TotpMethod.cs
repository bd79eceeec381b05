using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;

namespace TwoFactorDemo.Web.Methods.Totp;

/// <summary>The authenticator app, offered first.</summary>
public sealed class TotpMethod(IStringLocalizer<SharedResource> T, UserManager<ApplicationUser> users) : ISecondFactorMethod
{
    public const string MethodName = "totp";

    public string Name => MethodName;
    public string DisplayName => T["Authenticator app"];

    public string VerifiedPhrase => T["Verified with your authenticator app"];
    public string Description => T["Enter the 6-digit code from your authenticator app."];
    public int Order => 10;
    public bool EnrolmentOnUserRow => true;
    public bool IsPrimary => true;
    public bool IsPhishingResistant => false;
    public bool CountsForStepUp => true;
    public bool ChecksProofLocally => true;
    public string ChallengePath => "/TwoFactor/Totp";
    public string SetupPath => "/Security/Totp";
    public string DisabledEventKind => SecurityEventKinds.TotpDisabled;
    public string FormatMessage => T["The code is 6 digits, from your authenticator app (spaces and dashes are fine)."];
    public Expression<Func<ApplicationUser, bool>> EnrolledFilter => u => u.TotpSecret != null;

    public bool IsWellFormed(string normalizedProof) => VerificationCode.IsDigits(normalizedProof, TotpAlgorithm.Digits);

    public Task<bool> IsEnrolledAsync(ApplicationUser user) => Task.FromResult(user.TotpSecret is not null);

    public Task<bool> IsAvailableAsync(ApplicationUser user) => IsEnrolledAsync(user);

    public async Task<ProofCheck> CheckAsync(ApplicationUser user, string proof) =>
        await users.VerifyTwoFactorTokenAsync(user, Name, proof)
            ? ProofCheck.Accepted
            : ProofCheck.Refused(T["That code didn't work. Enter the current 6-digit code from your authenticator app; if it keeps failing, check that your phone's clock is set automatically."]);

    public Task<MethodDescription> DescribeAsync(ApplicationUser user) => Task.FromResult(new MethodDescription(
        user.TotpEnabledAt is { } since ? T["On since {0:d MMM yyyy}", since] : user.TotpSecret is not null ? T["On"] : T["Not set up"]));

    public Task ResetAsync(ApplicationUser user)
    {
        user.TotpSecret = null;
        user.TotpEnabledAt = null;
        return Task.CompletedTask;
    }

    public Task OtherMethodSucceededAsync(ApplicationUser user) => Task.CompletedTask;
}
