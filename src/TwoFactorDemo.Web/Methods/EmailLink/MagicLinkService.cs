using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Email;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.Outbox;
using TwoFactorDemo.Web.Sending;
using TwoFactorDemo.Web.Sessions;

namespace TwoFactorDemo.Web.Methods.EmailLink;

/// <summary>
/// Email sign-in links (ASVS 2.7.2–2.7.6): a 256-bit token from a CSPRNG, only its SHA-256 stored, valid
/// for <c>Email:MagicLinkMinutes</c> (15 at most), spent once, bound to the session that asked. A new link
/// voids the older ones. Opening it needs a POST (link scanners only GET), and from another browser it
/// approves the waiting sign-in instead of signing that browser in.
/// </summary>
public sealed class MagicLinkService(
    IStringLocalizer<SharedResource> T,
    AppDbContext db,
    MailOutbox outbox,
    OutboxStore deliveries,
    SendLimiter limiter,
    EmailLinks links,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    IHttpContextAccessor http,
    SecurityEventLog audit)
{
    /// <summary>The proof the waiting browser presents once its link was approved elsewhere.</summary>
    public const string ApprovedElsewhere = "approved-elsewhere";

    private const int TokenLength = 43; // 32 bytes, base64url without padding

    public async Task<(bool Sent, string Message)> SendAsync(ApplicationUser user, string? returnUrl)
    {
        if (SessionKey() is not { } sessionKey)
        {
            return (false, T["Your session has ended. Sign in again."]);
        }
        var email = options.Value;
        var limit = new SendLimit("email", email.SendsPerAddress, TimeSpan.FromMinutes(10), email.SendsPerIp, TimeSpan.FromHours(1));
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        var reservation = await limiter.TryReserveAsync(limit, user.Id, user.Email!, ip, sessionKey, TimeSpan.Zero);
        if (reservation.RefusedUntil is { } until)
        {
            await audit.WriteAsync(SecurityEventKinds.MagicLinkSendRefused, user.Id, $"rate limit until {until:O}");
            return (false, limiter.RefusedMessage(true, until, T));
        }

        var token = SecretTokens.New();
        var now = clock.GetUtcNow();
        var requestedBy = DeviceDescriptions.Identify(http.HttpContext?.Request.Headers.UserAgent.ToString());
        var requestedFrom = ip is { Length: <= 64 } ? ip : null;
        var link = links.Absolute("/TwoFactor/Email/Confirm", ("token", token));
        // The link's row, its mail (in the outbox) and the audit record: one commit. A new link voids every older unspent one.
        await db.InOneCommitAsync(async () =>
        {
            await db.Set<MagicLink>().Where(l => l.UserId == user.Id && l.UsedAt == null).ExecuteDeleteAsync();
            db.Set<MagicLink>().Add(new MagicLink
            {
                UserId = user.Id,
                TokenHash = SecretTokens.Hash(token),
                SessionKey = sessionKey,
                ReturnUrl = returnUrl is { Length: <= 2048 } ? returnUrl : null,
                CreatedAt = now.UtcDateTime,
                ExpiresAt = now.AddMinutes(email.MagicLinkMinutes).UtcDateTime,
                RequestedBy = requestedBy,
                RequestedFrom = requestedFrom,
                MatchNumber = RandomNumberGenerator.GetInt32(10, 100),
            });
            outbox.Add(SignInLinkEmail.Create(user.Email!, link, email.MagicLinkMinutes, DeviceDescriptions.Describe(requestedBy, T), requestedFrom, now, T),
                MailKinds.SignInLink, user.Id, reservation.Id);
            await audit.WriteAsync(SecurityEventKinds.MagicLinkSent, user.Id, "queued");
            await db.SaveChangesAsync();
        });
        return (true, T["We're sending a sign-in link to {0}. It works for {1} minutes.", ContactMasks.Email(user.Email!), email.MagicLinkMinutes]);
    }

    /// <summary>The link this session is waiting for, if any.</summary>
    public async Task<PendingMagicLink?> PendingAsync()
    {
        var sessionKey = SessionKey();
        var now = clock.GetUtcNow().UtcDateTime;
        var link = sessionKey is null ? null : await db.Set<MagicLink>().AsNoTracking()
            .Where(l => l.SessionKey == sessionKey && l.UsedAt == null && l.ExpiresAt > now)
            .OrderByDescending(l => l.CreatedAt).FirstOrDefaultAsync();
        return link is null ? null : new PendingMagicLink(Utc(link.CreatedAt), link.ApprovedAt is not null,
            await deliveries.DeliveryAsync(link.UserId, MailKinds.SignInLink, link.CreatedAt) ?? OutboxDelivery.Sending, link.MatchNumber);
    }

    /// <summary>What the link is worth, and for a valid one what the approval page shows (nothing changes).</summary>
    public async Task<(MagicLinkState State, MagicLinkRequest? Request)> InspectAsync(string? token)
    {
        var link = await FindAsync(token);
        var state = State(link);
        return (state, state == MagicLinkState.Valid ? Describe(link!) : null);
    }

    private MagicLinkRequest Describe(MagicLink link) =>
        new(link.SessionKey == SessionKey(), DeviceDescriptions.Describe(link.RequestedBy, T), link.RequestedFrom, Utc(link.CreatedAt));

    /// <summary>
    /// The POST behind the confirm button. From another browser the person must also type the number their waiting
    /// browser shows (<paramref name="number"/>): none typed changes nothing; a wrong one voids the link (a guess is
    /// right 1 time in 90).
    /// </summary>
    public async Task<MagicLinkConfirmResult> ConfirmAsync(string? token, int? number = null)
    {
        var link = await FindAsync(token);
        var state = State(link);
        if (state != MagicLinkState.Valid)
        {
            return new MagicLinkConfirmResult(MagicLinkConfirmOutcome.Refused, Explain(state));
        }
        if (link!.SessionKey == SessionKey())
        {
            return new MagicLinkConfirmResult(MagicLinkConfirmOutcome.SameSession, "", link.UserId, link.ReturnUrl);
        }
        var currentUser = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (currentUser is not null && currentUser != link.UserId)
        {
            await audit.WriteAsync(SecurityEventKinds.MagicLinkRefused, currentUser, "another account's link");
            return new MagicLinkConfirmResult(MagicLinkConfirmOutcome.Refused,
                T["This link belongs to another account. Open it in the browser where that account is signing in."]);
        }
        if (number is null)
        {
            return new MagicLinkConfirmResult(MagicLinkConfirmOutcome.PickNumber, T["Type the two-digit number your sign-in page shows."]);
        }
        if (number != link.MatchNumber)
        {
            // Somebody else's sign-in, or a slip: either way this link is spent, and the waiting browser must ask again.
            await db.Set<MagicLink>().Where(l => l.Id == link.Id && l.ApprovedAt == null && l.UsedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, clock.GetUtcNow().UtcDateTime));
            await audit.WriteAsync(SecurityEventKinds.MagicLinkRefused, link.UserId, "the number typed did not match");
            return new MagicLinkConfirmResult(MagicLinkConfirmOutcome.Refused,
                T["That is not the number of the sign-in that asked for this link, so the link no longer works. If you are signing in, ask for a new link. If you are not, someone may know your password: change it."]);
        }
        var approved = await db.Set<MagicLink>().Where(l => l.Id == link.Id && l.ApprovedAt == null && l.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ApprovedAt, clock.GetUtcNow().UtcDateTime));
        if (approved == 0)
        {
            return new MagicLinkConfirmResult(MagicLinkConfirmOutcome.Refused, Explain(MagicLinkState.Used));
        }
        await audit.WriteAsync(SecurityEventKinds.MagicLinkApproved, link.UserId, "from another browser");
        return new MagicLinkConfirmResult(MagicLinkConfirmOutcome.ApprovedElsewhere,
            T["Approved. Go back to the browser where you are signing in: it continues on its own (or press \"I approved it\" there)."],
            link.UserId);
    }

    /// <summary>
    /// The token provider's check: <paramref name="proof"/> is either the link's token opened in this session,
    /// or <see cref="ApprovedElsewhere"/> for this session's link approved from another browser. Spends it.
    /// </summary>
    public async Task<bool> SpendForSessionAsync(ApplicationUser user, string proof)
    {
        var sessionKey = SessionKey();
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = db.Set<MagicLink>().Where(l => l.UserId == user.Id && l.SessionKey == sessionKey && l.UsedAt == null && l.ExpiresAt > now);
        mine = proof == ApprovedElsewhere
            ? mine.Where(l => l.ApprovedAt != null)
            : IsTokenShaped(proof) ? mine.Where(l => l.TokenHash == SecretTokens.Hash(proof)) : mine.Where(_ => false);
        return sessionKey is not null && await mine.ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now)) == 1;
    }

    public string Explain(MagicLinkState state) => state switch
    {
        MagicLinkState.Expired => T["This link has expired. Sign in again and ask for a new one."],
        MagicLinkState.Used => T["This link was already used. Each link works once; ask for a new one if you still need to sign in."],
        _ => T["This link is not valid. It may be incomplete, or a newer link replaced it. Ask for a new one."],
    };

    public static bool IsTokenShaped(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private async Task<MagicLink?> FindAsync(string? token) =>
        IsTokenShaped(token) ? await db.Set<MagicLink>().AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == SecretTokens.Hash(token!)) : null;

    private MagicLinkState State(MagicLink? link) =>
        link is null ? MagicLinkState.Invalid
        : link.UsedAt is not null || link.ApprovedAt is not null ? MagicLinkState.Used
        : link.ExpiresAt <= clock.GetUtcNow().UtcDateTime ? MagicLinkState.Expired
        : MagicLinkState.Valid;

    private string? SessionKey() => http.HttpContext?.User.StoredSessionKey();

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
