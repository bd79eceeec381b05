using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>
/// SMS codes as an Identity token provider: the same check as <see cref="SmsMethod.CheckAsync"/>. Sending lives in
/// <see cref="SmsVerification"/>, because Identity's Generate has no way to report a rate limit or a provider error.
/// </summary>
public sealed class SmsTokenProvider(SmsMethod sms) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult(SmsMethod.IsUsable(user));

    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user) =>
        (await sms.CheckAsync(user, token)).Proved;
}
