using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Authentication;

/// <summary>Creates an account and signs it in for the password step only.</summary>
public sealed class AccountRegistration(
    UserManager<ApplicationUser> users,
    SecondFactorSignIn signIn,
    TimeProvider clock,
    SecurityEventLog audit)
{
    public async Task<IdentityResult> RegisterAsync(string email, string password)
    {
        var user = new ApplicationUser { UserName = email, Email = email, CreatedAt = clock.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            await audit.WriteAsync(SecurityEventKinds.Registered, user.Id);
            await signIn.SignInAfterPasswordAsync(user);
        }
        return result;
    }
}
