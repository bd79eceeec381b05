using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;

namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>
/// Enrolment and matching of typing rhythm through <see cref="TypingMatcher"/>. Only feature vectors are stored, never
/// key events. An accepted sign-in sample joins the profile only when it matched with a clear margin and did not follow a
/// refusal, so an impostor who gets in once does not pull the profile toward themself. Three refusals in a row lock typing
/// until another method succeeds (NIST 800-63B 5.2.3: a biometric is only ever a second factor, with a failure limit; at
/// a false-match rate of 1 % per attempt, three attempts give an impostor at most about 3 %).
/// </summary>
public sealed class TypingProfiles(IStringLocalizer<SharedResource> T, AppDbContext db, IOptions<TypingOptions> options, TimeProvider clock)
{
    public const int MaxConsecutiveFailures = 3;
    private const int RecentSamplesKept = 50;

    /// <summary>
    /// Two samples of one person differ by far more than this on average per feature (their holds alone by about 10 ms);
    /// closer than this to an accepted sample is that sample replayed with a few times nudged (issue 13, finding 5).
    /// </summary>
    public const double NearReplayMs = 2.0;

    private TypingOptions Settings => options.Value;

    private TypingMatcher Matcher => new(Settings);

    public string Phrase => Settings.Phrase;

    public Task<TypingProfile?> FindAsync(string userId) => db.Set<TypingProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId);

    public Task<bool> IsEnrolledAsync(string userId) => db.Set<TypingProfile>().AnyAsync(p => p.UserId == userId && p.Enrolled);

    public async Task<bool> IsUsableAsync(string userId) => await db.Set<TypingProfile>().AnyAsync(p => p.UserId == userId && p.Enrolled && !p.Locked);

    /// <summary>Adds an enrolment sample; a sample far from the ones before is refused as inconsistent.</summary>
    public async Task<TypingResult> AddEnrolmentSampleAsync(string userId, string? patternJson)
    {
        var (pattern, error) = TypingPattern.TryParse(patternJson, Phrase);
        if (pattern is null)
        {
            return new TypingResult(false, T[error!]);
        }
        var profile = await db.Set<TypingProfile>().FirstOrDefaultAsync(p => p.UserId == userId) ?? New(userId);
        var samples = Samples(profile);
        var features = TypingFeatures.Extract(pattern.Events!);
        if (!Matcher.IsConsistentEnrolment(samples, features))
        {
            return new TypingResult(false, T["That sample was very different from your others. Type the phrase at your normal pace, without pausing."]);
        }
        var count = samples.Count + 1;
        var wasEnrolled = profile.Enrolled;
        profile.SamplesJson = JsonSerializer.Serialize(Matcher.Join(samples, features));
        profile.Enrolled = count >= Settings.EnrolmentSamples;
        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return new TypingResult(true, profile.Enrolled
            ? T["Sample {0} saved. Typing sign-in is ready.", count]
            : T["Sample {0} of {1} saved. Type the phrase again: each sample teaches us your usual rhythm, so a stranger typing the same words is told apart.", count, Settings.EnrolmentSamples],
            JustEnrolled: profile.Enrolled && !wasEnrolled);
    }

    /// <summary>Matches a login sample against the profile; counts failures and locks after three.</summary>
    public async Task<ProofCheck> VerifyAsync(string userId, string? patternJson)
    {
        var profile = await db.Set<TypingProfile>().FirstOrDefaultAsync(p => p.UserId == userId);
        if (profile is not { Enrolled: true, Locked: false })
        {
            return ProofCheck.Refused(T["Typing sign-in is not available for this account now. Use another method."]);
        }
        var (pattern, error) = TypingPattern.TryParse(patternJson, Phrase);
        var samples = Samples(profile);
        var signIns = RecentSignIns(profile);
        bool accepted;
        string? refusal = null;
        if (pattern is null)
        {
            refusal = T[error!];
            accepted = false;
        }
        else if (TypingFeatures.Extract(pattern.Events!) is var features && samples.Concat(signIns).Any(used => IsNearReplay(features, used)))
        {
            refusal = T["That typing sample is a copy of one already used. Type the phrase again."];
            accepted = false;
        }
        else
        {
            var decision = Matcher.Decide(samples, features, await BackgroundAsync(userId), afterRefusal: profile.ConsecutiveFailures > 0);
            accepted = decision.Accepted;
            if (decision.JoinsProfile)
            {
                profile.SamplesJson = JsonSerializer.Serialize(Matcher.Join(samples, features));
            }
            if (accepted)
            {
                signIns.Add(features.Select(f => Math.Round(f, 1)).ToArray());
                profile.RecentSamplesJson = JsonSerializer.Serialize(signIns.TakeLast(RecentSamplesKept));
            }
            else
            {
                refusal = T["Your typing didn't match your profile. Type the phrase again at your normal pace, or use another method."];
            }
        }
        profile.ConsecutiveFailures = accepted ? 0 : profile.ConsecutiveFailures + 1;
        profile.Locked = profile.ConsecutiveFailures >= MaxConsecutiveFailures;
        if (profile.Locked)
        {
            refusal = T["Typing sign-in is locked after {0} failed tries. Use another method; typing unlocks after it succeeds.", MaxConsecutiveFailures];
        }
        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return accepted ? ProofCheck.Accepted : ProofCheck.Refused(refusal ?? T["Your typing didn't match your profile."]);
    }

    /// <summary>
    /// Other enrolled people's recent samples of the phrase (the last <see cref="TypingOptions.EnrolmentSamples"/> of the
    /// <see cref="TypingOptions.BackgroundPeopleRead"/> most recently updated profiles): one read.
    /// </summary>
    private async Task<TypingBackground> BackgroundAsync(string userId)
    {
        var others = await db.Set<TypingProfile>().AsNoTracking().Where(p => p.Enrolled && p.UserId != userId)
            .OrderByDescending(p => p.UpdatedAt).Take(Settings.BackgroundPeopleRead).Select(p => p.SamplesJson).ToListAsync();
        return others.Count < Settings.MinBackgroundPeople
            ? TypingBackground.None
            : new TypingBackground([.. others.SelectMany(json => Parse(json).TakeLast(Settings.EnrolmentSamples))], others.Count);
    }

    /// <summary>True when the user's typing profile is locked or counts failures: another method's success must reset it.</summary>
    /// <remarks>Asked before <see cref="ResetLockAsync"/>: nearly every sign-in has nothing to reset, and a read costs less than a write.</remarks>
    public Task<bool> NeedsLockResetAsync(string userId) => NeedingReset(userId).AnyAsync();

    /// <summary>Another method succeeded: typing is trusted again.</summary>
    public Task ResetLockAsync(string userId) =>
        NeedingReset(userId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Locked, false).SetProperty(p => p.ConsecutiveFailures, 0));

    private IQueryable<TypingProfile> NeedingReset(string userId) =>
        db.Set<TypingProfile>().Where(p => p.UserId == userId && (p.Locked || p.ConsecutiveFailures > 0));

    public Task DeleteAsync(string userId) => db.Set<TypingProfile>().Where(p => p.UserId == userId).ExecuteDeleteAsync();

    private TypingProfile New(string userId)
    {
        var profile = new TypingProfile { UserId = userId, UpdatedAt = clock.GetUtcNow().UtcDateTime };
        db.Set<TypingProfile>().Add(profile);
        return profile;
    }

    /// <summary>How many samples the profile holds now.</summary>
    public static int SampleCount(TypingProfile? profile) => profile is null ? 0 : Samples(profile).Count;

    private static List<double[]> Samples(TypingProfile profile) => Parse(profile.SamplesJson);

    private static List<double[]> Parse(string json) => JsonSerializer.Deserialize<List<double[]>>(json) ?? [];

    // The last accepted sign-ins; with the profile's samples, a near copy of any of them is a replay.
    private static List<double[]> RecentSignIns(TypingProfile profile) => Parse(profile.RecentSamplesJson);

    /// <summary>True when <paramref name="sample"/> is within <see cref="NearReplayMs"/> per feature, on average, of <paramref name="used"/>.</summary>
    public static bool IsNearReplay(double[] sample, double[] used) =>
        sample.Length == used.Length && sample.Zip(used, (a, b) => Math.Abs(a - b)).Average() < NearReplayMs;
}
