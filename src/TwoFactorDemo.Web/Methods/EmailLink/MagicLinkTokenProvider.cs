using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Methods.EmailLink;

/// <summary>Email sign-in links as an Identity token provider; sending lives in <see cref="MagicLinkService"/>.</summary>
public sealed class MagicLinkTokenProvider(MagicLinkService links, EmailLinkAvailability availability) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        availability.IsAvailableAsync(user);

    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user) =>
        await availability.IsAvailableAsync(user) && await links.SpendForSessionAsync(user, token);
}
