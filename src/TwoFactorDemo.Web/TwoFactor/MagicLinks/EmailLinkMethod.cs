using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.TwoFactor.MagicLinks;

/// <summary>A sign-in link by email, offered only for a confirmed address.</summary>
public sealed class EmailLinkMethod(AppDbContext db) : ISecondFactorMethod
{
    public string Name => SecondFactorMethodNames.Email;
    public string DisplayName => "Email link";
    public string Description => "We email you a link; open it on this device or another to finish signing in.";
    public int Order => 30;
    public bool IsPrimary => true;
    public bool ChecksProofLocally => true;
    public string ChallengeAction => "Email";
    public string SetupPath => "/Security/Email";
    public string FormatMessage => "Open the link from the email.";

    public bool IsWellFormed(string normalizedProof) => normalizedProof.Length > 0;

    /// <summary>Turned on, even while the address is not confirmed (a changed address): still the account's method.</summary>
    public Task<bool> IsEnrolledAsync(ApplicationUser user) => Task.FromResult(user.EmailLinkEnabled);

    public Task<bool> IsAvailableAsync(ApplicationUser user) => Task.FromResult(IsUsable(user));

    /// <summary>Turns sign-in links off and voids every link of the user still in flight.</summary>
    public async Task ResetAsync(ApplicationUser user)
    {
        user.EmailLinkEnabled = false;
        await db.MagicLinks.Where(l => l.UserId == user.Id).ExecuteDeleteAsync();
    }

    public Task OtherMethodSucceededAsync(ApplicationUser user) => Task.CompletedTask;

    public static bool IsUsable(ApplicationUser user) => user.EmailLinkEnabled && user.EmailConfirmed && user.Email is not null;
}
