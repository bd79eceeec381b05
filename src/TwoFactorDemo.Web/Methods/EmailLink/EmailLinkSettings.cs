using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Email;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Methods.EmailLink;

/// <summary>Turning email sign-in links on and off, and resending the confirmation they depend on.</summary>
public sealed class EmailLinkSettings(
    UserManager<ApplicationUser> users,
    SecondFactorSettings settings,
    AccountEmails emails,
    SecurityEventLog audit)
{
    /// <summary>
    /// Turns links on for a confirmed address. Nothing was proved in this session, so the session is not
    /// upgraded; as a first method it gets recovery codes, and the next protected page asks for a link.
    /// Null when the address is not confirmed.
    /// </summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(ApplicationUser user)
    {
        if (!user.EmailConfirmed)
        {
            return null;
        }
        return await settings.EnableAsync(user, async () =>
        {
            user.EmailLinkEnabled = true;
            await users.SaveUserAsync(user);
            await audit.WriteAsync(SecurityEventKinds.EmailLinkEnabled, user.Id);
            return true;
        });
    }

    public Task<bool> ResendConfirmationAsync(ApplicationUser user) => emails.SendConfirmationAsync(user);
}
