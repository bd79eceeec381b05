using System.Linq.Expressions;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>Typing rhythm of a fixed phrase; enrolled once the profile is complete, offered while it is not locked.</summary>
public sealed class TypingMethod(TypingProfiles profiles, AppDbContext db, IOptions<TypingOptions> options) : ISecondFactorMethod, ISignInLinkFallback
{
    public const string MethodName = "typing";

    /// <summary>What /Security says about typing's weight.</summary>
    public const string WeakerFactor =
        "Typing counts as a weaker factor: confirming your identity for changes, and the admin area, need another method.";

    public string Name => MethodName;
    public string DisplayName => "Typing rhythm";

    public string VerifiedPhrase => "Verified by your typing rhythm";
    public string Description => "Type a short phrase; we recognise the rhythm of your typing.";
    public int Order => 40;
    public bool EnrolmentOnUserRow => false;
    public bool IsPrimary => true;
    public bool IsPhishingResistant => false;
    public bool CountsForStepUp => false;
    public bool ChecksProofLocally => true;
    public string ChallengePath => "/TwoFactor/Typing";
    public string SetupPath => "/Security/Typing";
    public string DisabledEventKind => SecurityEventKinds.TypingDisabled;
    public string FormatMessage => "Type the phrase in the box.";
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
                $"Locked after {TypingProfiles.MaxConsecutiveFailures} failed tries; signing in with another method unlocks it. {WeakerFactor}"),
            { Enrolled: true } => new MethodDescription($"On. {WeakerFactor}"),
            { } started => new MethodDescription(
                $"{TypingProfiles.SampleCount(started)} of {options.Value.EnrolmentSamples} samples typed", "finish the samples", SetupPath),
            null => new MethodDescription("Not set up"),
        };

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
