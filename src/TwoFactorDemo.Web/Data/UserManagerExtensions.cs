using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace TwoFactorDemo.Web.Data;

public static class UserManagerExtensions
{
    /// <summary>
    /// The signed-in user, behind a policy that already required one. Their sessions are deleted with the
    /// account, so a missing user here is a bug, not an input error.
    /// </summary>
    public static async Task<ApplicationUser> GetRequiredUserAsync(this UserManager<ApplicationUser> users, ClaimsPrincipal principal) =>
        await users.GetUserAsync(principal) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
}
