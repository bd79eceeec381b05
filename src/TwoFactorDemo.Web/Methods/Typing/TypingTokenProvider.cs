using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>Typing rhythm as an Identity token provider: the "token" is the recorder's JSON pattern.</summary>
public sealed class TypingTokenProvider(TypingProfiles profiles) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) => profiles.IsUsableAsync(user.Id);

    // Nothing is sent: the user types.
    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user) =>
        (await profiles.VerifyAsync(user.Id, token)).Proved;
}
