using System.Linq.Expressions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;

namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>Typing rhythm of a fixed phrase; enrolled once the profile is complete, offered while it is not locked.</summary>
public sealed class TypingMethod(IStringLocalizer<SharedResource> T, TypingProfiles profiles, AppDbContext db, IOptions<TypingOptions> options) : ISecondFactorMethod, ISignInLinkFallback
{
    public const string MethodName = "typing";

    /// <summary>What /Security says about typing's weight (in English; the page says it in the reader's language).</summary>
    public static readonly string WeakerFactor =
        TextKey.Of("Typing counts as a weaker factor: confirming your identity for changes, and the admin area, need another method.");

    public string Name => MethodName;
    public string DisplayName => T["Typing rhythm"];

    public string VerifiedPhrase => T["Verified by your typing rhythm"];
    public string Description => T["Type a short phrase; we recognise the rhythm of your typing."];
    public int Order => 40;
    public bool EnrolmentOnUserRow => false;
    public bool IsPrimary => true;
    public bool IsPhishingResistant => false;
    public bool CountsForStepUp => false;
    public bool ChecksProofLocally => true;
    public string ChallengePath => "/TwoFactor/Typing";
    public string SetupPath => "/Security/Typing";
    public string DisabledEventKind => SecurityEventKinds.TypingDisabled;
    public string FormatMessage => T["Type the phrase in the box."];
    public Expression<Func<ApplicationUser, bool>> EnrolledFilter => u => db.Set<TypingProfile>().Any(p => p.UserId == u.Id && p.Enrolled);

    public bool IsWellFormed(string normalizedProof) => normalizedProof.Length > 0;

    /// <summary>A complete profile, locked or not: a locked profile never turns the account into one without a second factor.</summary>
    public Task<bool> IsEnrolledAsync(ApplicationUser user) => profiles.IsEnrolledAsync(user.Id);

    public Task<bool> IsAvailableAsync(ApplicationUser user) => profiles.IsUsableAsync(user.Id);

    public Task<ProofCheck> CheckAsync(ApplicationUser user, string proof) => profiles.VerifyAsync(user.Id, proof);

    public async Task<MethodDescription> DescribeAsync(ApplicationUser user) =>
        await profiles.FindAsync(user.Id) switch
        {
            { Enrolled: true, Locked: true } => new MethodDescription(
                T["Locked after {0} failed tries; signing in with another method unlocks it.", TypingProfiles.MaxConsecutiveFailures] + " " + Weaker),
            { Enrolled: true } => new MethodDescription(T["On."] + " " + Weaker),
            { } started => new MethodDescription(
                T["{0} of {1} samples typed", TypingProfiles.SampleCount(started), options.Value.EnrolmentSamples], T["finish the samples"], SetupPath),
            null => new MethodDescription(T["Not set up"]),
        };

    private string Weaker => T[WeakerFactor];

    /// <summary>Typing refuses its owner often (README, "Typing rhythm"): a sign-in link is always one click away.</summary>
    public Task<bool> OffersSignInLinkAsync(ApplicationUser user) => profiles.IsEnrolledAsync(user.Id);

    public Task ResetAsync(ApplicationUser user) => profiles.DeleteAsync(user.Id);

    /// <summary>Typing stays locked after five failures until another method succeeds: this is that moment.</summary>
    public async Task OtherMethodSucceededAsync(ApplicationUser user)
    {
        if (await profiles.NeedsLockResetAsync(user.Id))
        {
            await profiles.ResetLockAsync(user.Id);
        }
    }
}
