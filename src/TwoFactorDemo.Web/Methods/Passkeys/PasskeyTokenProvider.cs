using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Methods.Passkeys;

/// <summary>
/// Passkeys as an Identity token provider: the "token" is the browser's assertion JSON for this session's ceremony.
/// The ceremonies are resolved when a token is checked, not when UserManager is built (they need UserManager themselves).
/// </summary>
public sealed class PasskeyTokenProvider(IServiceProvider services) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        (await manager.GetPasskeysAsync(user)).Count > 0;

    // The browser answers a challenge; the server sends nothing.
    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user) =>
        (await services.GetRequiredService<PasskeyCeremonies>().CompleteAssertionAsync(user, token)).Succeeded;
}
