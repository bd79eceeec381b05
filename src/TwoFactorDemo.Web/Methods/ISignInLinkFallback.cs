using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Methods;

/// <summary>
/// A method whose users may always fall back to a sign-in link by email (to a confirmed address), even when they have not
/// turned links on as a method of their own: typing rhythm, which refuses its owner often enough that the way out must be
/// one click away.
/// </summary>
public interface ISignInLinkFallback
{
    Task<bool> OffersSignInLinkAsync(ApplicationUser user);
}
