using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.TwoFactor.Sms;

/// <summary>
/// SMS codes as an Identity token provider. Validate checks the code with the provider, only for the user's
/// verified number and only in the session that asked for it. Sending lives in <see cref="SmsVerification"/>,
/// because Identity's Generate has no way to report a rate limit or a provider error.
/// </summary>
public sealed class SmsTokenProvider(SmsVerification sms) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult(SmsMethod.IsUsable(user));

    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var code = VerificationCode.Normalize(token);
        if (!SmsMethod.IsUsable(user) || !SmsMethod.IsCodeShaped(code))
        {
            return false;
        }
        var result = await sms.CheckAsync(user.PhoneNumber!, SmsPurposes.SignIn, code);
        return result.Status == SmsVerifierStatus.Approved;
    }
}
