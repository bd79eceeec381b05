using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Methods.EmailLink;

/// <summary>
/// Whether sign-in links can be used by a user now: turned on with a confirmed address, or asked for as the fallback of
/// another method (<see cref="ISignInLinkFallback"/>: typing) with a confirmed address. Kept apart from
/// <see cref="EmailLinkMethod"/> because the token provider needs it, and Identity builds token providers inside
/// <c>UserManager</c>'s constructor, so nothing here may need a <c>UserManager</c>.
/// </summary>
public sealed class EmailLinkAvailability(IEnumerable<ISignInLinkFallback> fallbacks)
{
    public async Task<bool> IsAvailableAsync(ApplicationUser user)
    {
        if (EmailLinkMethod.IsUsable(user))
        {
            return true;
        }
        if (!user.EmailConfirmed || user.Email is null)
        {
            return false;
        }
        foreach (var fallback in fallbacks)
        {
            if (await fallback.OffersSignInLinkAsync(user))
            {
                return true;
            }
        }
        return false;
    }
}
