using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.Sending;
using TwoFactorDemo.Web.Sessions;

namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>
/// Sends and checks codes for this session, on top of whichever <see cref="ISmsVerifier"/> is configured:
/// the rate limits and a 30-second resend cooldown before a send; and a check only for the number this
/// session asked a code for, within its 10 minutes (ASVS 2.7.x: bound to the request that created it).
/// </summary>
public sealed class SmsVerification(
    IStringLocalizer<SharedResource> T,
    ISmsVerifier verifier,
    SendLimiter limiter,
    IOptions<SmsOptions> options,
    AppDbContext db,
    TimeProvider clock,
    IHttpContextAccessor http,
    SecurityEventLog audit)
{

    public async Task<PendingSms?> PendingAsync(string purpose)
    {
        var challenge = await ChallengeAsync(purpose);
        if (challenge is null || challenge.ExpiresAt <= clock.GetUtcNow().UtcDateTime)
        {
            return null;
        }
        var sentAt = Utc(challenge.SentAt);
        return new PendingSms(challenge.Target, sentAt, sentAt.Add(SmsOptions.ResendCooldown));
    }

    public async Task<SmsSendResult> SendAsync(ApplicationUser user, string phoneNumber, string purpose, SmsChannel channel)
    {
        var sessionKey = SessionKey();
        // A session ended by another request (logout in another tab) sends nothing: its code could never be checked.
        if (sessionKey is null || !await db.UserSessions.AnyAsync(s => s.Key == sessionKey))
        {
            return new SmsSendResult(false, T["Your session has ended. Sign in again."]);
        }
        var now = clock.GetUtcNow();
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        var limit = LimitFor(purpose);
        // The cooldown and the limits are checked and the send recorded in one statement: parallel sends can't all pass.
        var reservation = await limiter.TryReserveAsync(limit, user.Id, phoneNumber, ip, sessionKey, SmsOptions.ResendCooldown);
        if (reservation.RefusedUntil is { } until)
        {
            if (until - now <= SmsOptions.ResendCooldown)
            {
                return new SmsSendResult(false, T["We just sent a code. You can ask for another in {0} seconds.", Seconds(until - now)], until);
            }
            await audit.WriteAsync(SecurityEventKinds.SmsSendRefused, user.Id, $"rate limit until {until:O}");
            return new SmsSendResult(false, limiter.RefusedMessage(false, until, T), until);
        }
        var result = await verifier.StartAsync(phoneNumber, channel);
        if (!result.Succeeded)
        {
            await limiter.ReleaseAsync(reservation); // nothing went out: it does not count against the limits
            await audit.WriteAsync(SecurityEventKinds.SmsProviderError, user.Id, $"{purpose}: {result.Status}");
            return new SmsSendResult(false, T[result.UserMessage]);
        }
        if (!await RememberChallengeAsync(sessionKey, purpose, phoneNumber, now))
        {
            return new SmsSendResult(false, T["Your session has ended. Sign in again."]);
        }
        await audit.WriteAsync(SecurityEventKinds.SmsSent, user.Id, $"{purpose} by {channel} to {ContactMasks.Phone(phoneNumber)}");
        var sent = channel == SmsChannel.Call
            ? T["We're calling {0}. The code expires in 10 minutes.", ContactMasks.Phone(phoneNumber)]
            : T["We sent a code to {0}. It expires in 10 minutes.", ContactMasks.Phone(phoneNumber)];
        return new SmsSendResult(true, sent, now.Add(SmsOptions.ResendCooldown));
    }

    /// <summary>Checks a code for <paramref name="phoneNumber"/>, which must be where this session's code for <paramref name="purpose"/> went.</summary>
    public async Task<SmsVerifierResult> CheckAsync(string phoneNumber, string purpose, string code)
    {
        var pending = await PendingAsync(purpose);
        if (pending is null || pending.PhoneNumber != phoneNumber)
        {
            return new SmsVerifierResult(SmsVerifierStatus.Expired, TextKey.Of("There is no code waiting for this sign-in. Ask for a new code."));
        }
        // A claim's try is reserved under the per-number limit of wrong codes first, and given back unless it was wrong:
        // the provider's tries belong to the code in flight for that number, which may be its owner's sign-in code.
        var claimTry = purpose == SmsPurposes.VerifyPhone
            ? await limiter.TryReserveAsync(ClaimWrongCodes, userId: null, phoneNumber, ip: null, sessionKey: null, TimeSpan.Zero)
            : null;
        if (claimTry?.RefusedUntil is not null)
        {
            return SmsVerifierResult.TooManyChecks();
        }
        var checkedCode = await verifier.CheckAsync(phoneNumber, code);
        if (claimTry is not null && checkedCode.Status != SmsVerifierStatus.WrongCode)
        {
            await limiter.ReleaseAsync(claimTry);
        }
        if (checkedCode.Status == SmsVerifierStatus.Approved)
        {
            await db.SessionChallenges.Where(c => c.SessionKey == SessionKey() && c.Purpose == purpose).ExecuteDeleteAsync();
        }
        else if (checkedCode.Status is SmsVerifierStatus.ProviderError or SmsVerifierStatus.Blocked)
        {
            await audit.WriteAsync(SecurityEventKinds.SmsProviderError, null, $"{purpose} check: {checkedCode.Status}");
        }
        return checkedCode;
    }

    /// <summary>Records where this session's code went; false when the session has ended meanwhile.</summary>
    private async Task<bool> RememberChallengeAsync(string sessionKey, string purpose, string phoneNumber, DateTimeOffset now)
    {
        await db.SessionChallenges.Where(c => c.SessionKey == sessionKey && c.Purpose == purpose).ExecuteDeleteAsync();
        db.SessionChallenges.Add(new SessionChallenge
        {
            SessionKey = sessionKey,
            Purpose = purpose,
            Target = phoneNumber,
            SentAt = now.UtcDateTime,
            ExpiresAt = now.Add(SmsOptions.CodeLifetime).UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            // The session ended in another request a moment ago (its row, and so this one's key, is gone).
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private Task<SessionChallenge?> ChallengeAsync(string purpose)
    {
        var sessionKey = SessionKey();
        return sessionKey is null
            ? Task.FromResult<SessionChallenge?>(null)
            : db.SessionChallenges.AsNoTracking().FirstOrDefaultAsync(c => c.SessionKey == sessionKey && c.Purpose == purpose);
    }

    /// <summary>Sign-in codes go to proved numbers; codes for a claim are counted on their own channel (<see cref="SmsOptions.ClaimSendsPerNumber"/>).</summary>
    private SendLimit LimitFor(string purpose) => purpose == SmsPurposes.VerifyPhone
        ? new("sms-claim", Math.Min(options.Value.SendsPerNumber, SmsOptions.ClaimSendsPerNumber), SmsOptions.NumberWindow, options.Value.SendsPerIp, SmsOptions.IpWindow)
        : new("sms", options.Value.SendsPerNumber, SmsOptions.NumberWindow, options.Value.SendsPerIp, SmsOptions.IpWindow);

    private static readonly SendLimit ClaimWrongCodes = new("sms-claim-check", SmsOptions.ClaimWrongCodesPerNumber, SmsOptions.NumberWindow, int.MaxValue, SmsOptions.IpWindow);

    private string? SessionKey() => http.HttpContext?.User.StoredSessionKey();

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static int Seconds(TimeSpan span) => Math.Max(1, (int)Math.Ceiling(span.TotalSeconds));
}
