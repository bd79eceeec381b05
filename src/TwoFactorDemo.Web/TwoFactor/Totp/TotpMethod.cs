using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.TwoFactor.Totp;

/// <summary>The authenticator app, offered first.</summary>
public sealed class TotpMethod : ISecondFactorMethod
{
    public string Name => SecondFactorMethodNames.Totp;
    public string DisplayName => "Authenticator app";
    public string Description => "Enter the 6-digit code from your authenticator app.";
    public int Order => 10;
    public bool IsPrimary => true;
    public bool ChecksProofLocally => true;
    public string ChallengeAction => "Totp";
    public string SetupPath => "/Security/Totp";

    public string FormatMessage => "The code is 6 digits, from your authenticator app (spaces and dashes are fine).";

    public bool IsWellFormed(string normalizedProof) => VerificationCode.IsDigits(normalizedProof, TotpAlgorithm.Digits);

    public Task<bool> IsEnrolledAsync(ApplicationUser user) => Task.FromResult(user.TotpSecret is not null);

    public Task<bool> IsAvailableAsync(ApplicationUser user) => IsEnrolledAsync(user);

    public Task ResetAsync(ApplicationUser user)
    {
        user.TotpSecret = null;
        user.TotpEnabledAt = null;
        return Task.CompletedTask;
    }

    public Task OtherMethodSucceededAsync(ApplicationUser user) => Task.CompletedTask;
}
