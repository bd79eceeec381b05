using Microsoft.AspNetCore.Identity;

namespace TwoFactorDemo.Web.Data;

public static class UserUpdates
{
    /// <summary>
    /// <c>UserManager.UpdateAsync</c>, which writes every column under the concurrency stamp, but never silently:
    /// when the row changed since it was read (the stamp moved), nothing is written and this throws
    /// <see cref="ConcurrentChangeException"/>, so an older value is never put back and the user is never told it worked.
    /// </summary>
    public static async Task SaveUserAsync(this UserManager<ApplicationUser> users, ApplicationUser user)
    {
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new ConcurrentChangeException(string.Join(" ", result.Errors.Select(e => e.Code)));
        }
    }
}
