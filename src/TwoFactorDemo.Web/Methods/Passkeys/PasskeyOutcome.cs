using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Methods.Passkeys;

/// <summary>
/// What a passkey ceremony came to: the user and passkey it proved, or why it failed (<see cref="Reason"/> for the audit
/// log, <see cref="Message"/> for the person).
/// </summary>
public sealed record PasskeyOutcome(
    bool Succeeded, string Message, ApplicationUser? User = null, UserPasskeyInfo? Passkey = null, string? Reason = null)
{
    public static PasskeyOutcome Failed(string reason, string message, ApplicationUser? user = null) => new(false, message, user, Reason: reason);
}
