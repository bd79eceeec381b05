using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Methods.RecoveryCodes;

/// <summary>Recovery codes as a token provider, so the challenge treats them like every other method.</summary>
public sealed class RecoveryCodeTokenProvider(RecoveryCodeService codes) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        await codes.CountRemainingAsync(user.Id) > 0;

    // The user already holds the codes; nothing is sent.
    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult("");

    public Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user) =>
        codes.RedeemAsync(user.Id, token);
}
