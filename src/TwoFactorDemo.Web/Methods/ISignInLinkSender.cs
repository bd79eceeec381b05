using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Methods;

/// <summary>
/// The method that sends sign-in links (the email-link room), as another room's page offers it: typing's
/// "Email me a sign-in link instead" after a refusal, without naming the email-link room's types.
/// </summary>
public interface ISignInLinkSender
{
    /// <summary>Where the one-click form posts (with <c>Send=email</c>).</summary>
    string SendPath { get; }

    /// <summary>The masked address a link would go to, when one can be sent to this user now; otherwise null.</summary>
    Task<string?> LinkAddressAsync(ApplicationUser user);
}
