using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;

namespace TwoFactorDemo.Web.Methods.EmailLink;

/// <summary>
/// A sign-in link by email, offered only for a confirmed address: to users who turned it on, and as the fallback of a
/// method that asks for one (<see cref="ISignInLinkFallback"/>: typing).
/// </summary>
public sealed class EmailLinkMethod(IStringLocalizer<SharedResource> T, AppDbContext db, UserManager<ApplicationUser> users, EmailLinkAvailability availability) : ISecondFactorMethod, ISignInLinkSender
{
    public const string MethodName = "email";

    public string Name => MethodName;
    public string DisplayName => T["Email link"];

    public string VerifiedPhrase => T["Verified with an email link"];
    public string Description => T["We email you a link; open it on this device or another to finish signing in."];
    public int Order => 30;
    public bool EnrolmentOnUserRow => true;
    public bool IsPrimary => true;
    public bool IsPhishingResistant => false;
    public bool CountsForStepUp => true;
    public bool ChecksProofLocally => true;
    public string ChallengePath => "/TwoFactor/Email";
    public string SetupPath => "/Security/Email";
    public string DisabledEventKind => SecurityEventKinds.EmailLinkDisabled;
    public string FormatMessage => T["Open the link from the email."];
    public Expression<Func<ApplicationUser, bool>> EnrolledFilter => u => u.EmailLinkEnabled;

    public bool IsWellFormed(string normalizedProof) => normalizedProof.Length > 0;

    /// <summary>Turned on, even while the address is not confirmed (a changed address): still the account's method.</summary>
    public Task<bool> IsEnrolledAsync(ApplicationUser user) => Task.FromResult(user.EmailLinkEnabled);

    public Task<bool> IsAvailableAsync(ApplicationUser user) => availability.IsAvailableAsync(user);

    public string SendPath => ChallengePath;

    public async Task<string?> LinkAddressAsync(ApplicationUser user) =>
        await IsAvailableAsync(user) ? ContactMasks.Email(user.Email!) : null;

    public async Task<ProofCheck> CheckAsync(ApplicationUser user, string proof) =>
        await users.VerifyTwoFactorTokenAsync(user, Name, proof)
            ? ProofCheck.Accepted
            : ProofCheck.Refused(T["Not approved yet. Open the link we emailed you and press the button on that page."]);

    public Task<MethodDescription> DescribeAsync(ApplicationUser user) => Task.FromResult(
        (user.EmailLinkEnabled, IsUsable(user)) switch
        {
            (true, true) => new MethodDescription(T["On: links go to {0}", ContactMasks.Email(user.Email!)]),
            (true, false) => new MethodDescription(T["On, but your address is not confirmed"], T["confirm your address"], SetupPath),
            _ => new MethodDescription(T["Not set up"]),
        });

    /// <summary>Turns sign-in links off and voids every link of the user still in flight.</summary>
    public async Task ResetAsync(ApplicationUser user)
    {
        user.EmailLinkEnabled = false;
        await db.Set<MagicLink>().Where(l => l.UserId == user.Id).ExecuteDeleteAsync();
    }

    public Task OtherMethodSucceededAsync(ApplicationUser user) => Task.CompletedTask;

    public static bool IsUsable(ApplicationUser user) => user.EmailLinkEnabled && user.EmailConfirmed && user.Email is not null;
}
