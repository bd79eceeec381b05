using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OtpNet;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Sessions;

namespace TwoFactorDemo.Web.Methods.Totp;

/// <summary>Sets up and removes the authenticator app for a user.</summary>
public sealed class TotpEnrollment(
    UserManager<ApplicationUser> users,
    TotpSecretProtector protector,
    TotpTokenProvider provider,
    TimeProvider clock,
    IOptions<TotpOptions> options,
    SecurityEventLog audit,
    AppDbContext db,
    IHttpContextAccessor http)
{
    /// <summary>The <see cref="SessionChallenge.Purpose"/> of a secret shown on the set-up page and not yet confirmed.</summary>
    public const string PendingPurpose = "totp-setup";

    /// <summary>How long a secret shown on the set-up page waits for its first code.</summary>
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The secret to show on the set-up page: this session's own, for 10 minutes, created (and audited) on first visit.
    /// It is never stored on the user: anyone else who signs in with the password gets a different one, so nobody can
    /// read the key the owner is about to enrol (issue 13, finding 6). Null when this request has no session.
    /// </summary>
    public async Task<TotpSetup?> GetOrCreatePendingAsync(ApplicationUser user)
    {
        if (SessionKey() is not { } sessionKey)
        {
            return null;
        }
        var key = await PendingKeyAsync(sessionKey) ?? await CreatePendingAsync(user, sessionKey);
        var secret = Base32Encoding.ToString(key).TrimEnd('=');
        var uri = OtpauthUri(options.Value.Issuer, user.Email ?? user.UserName ?? user.Id, secret);
        return new TotpSetup(GroupInFours(secret), uri, TotpQrCode.ToPngDataUri(uri));
    }

    /// <summary>Enables TOTP when <paramref name="code"/> matches this session's pending secret now; that step then counts as used.</summary>
    public async Task<bool> ConfirmAsync(ApplicationUser user, string code)
    {
        if (SessionKey() is not { } sessionKey || await PendingKeyAsync(sessionKey) is not { } key)
        {
            return false;
        }
        var step = TotpAlgorithm.MatchStep(key, VerificationCode.Normalize(code), clock.GetUtcNow());
        if (step is null)
        {
            return false;
        }
        return await db.InOneCommitAsync(async () =>
        {
            if (!await provider.TryAdvanceLastStepAsync(user, step.Value))
            {
                return false;
            }
            user.TotpSecret = protector.Protect(key);
            user.TotpEnabledAt = clock.GetUtcNow().UtcDateTime;
            await users.SaveUserAsync(user);
            await Pending(sessionKey).ExecuteDeleteAsync();
            await audit.WriteAsync(SecurityEventKinds.TotpEnabled, user.Id);
            return true;
        });
    }

    private async Task<byte[]?> PendingKeyAsync(string sessionKey)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = await Pending(sessionKey).Where(c => c.ExpiresAt > now).Select(c => c.Target).FirstOrDefaultAsync();
        return stored is null ? null : protector.Unprotect(stored);
    }

    private async Task<byte[]> CreatePendingAsync(ApplicationUser user, string sessionKey)
    {
        var key = TotpAlgorithm.NewKey();
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.InOneCommitAsync(async () =>
            {
                await Pending(sessionKey).ExecuteDeleteAsync(); // an expired one
                db.SessionChallenges.Add(new SessionChallenge
                {
                    SessionKey = sessionKey,
                    Purpose = PendingPurpose,
                    Target = protector.Protect(key),
                    SentAt = now,
                    ExpiresAt = now.Add(PendingLifetime),
                });
                await db.SaveChangesAsync();
                await audit.WriteAsync(SecurityEventKinds.TotpSetupStarted, user.Id);
                return true;
            });
            return key;
        }
        catch (DbUpdateException)
        {
            // A parallel request of this session made one first (the row is unique per session): show that one.
            db.ChangeTracker.Clear();
            return await PendingKeyAsync(sessionKey) ?? throw new InvalidOperationException("No pending authenticator secret after a conflict.");
        }
    }

    private IQueryable<SessionChallenge> Pending(string sessionKey) =>
        db.SessionChallenges.Where(c => c.SessionKey == sessionKey && c.Purpose == PendingPurpose);

    private string? SessionKey() => http.HttpContext?.User.StoredSessionKey();


    /// <summary>The Key Uri Format that authenticator apps read: <c>otpauth://totp/Issuer:account?secret=…&amp;issuer=…</c>.</summary>
    public static string OtpauthUri(string issuer, string account, string secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}" +
        $"?secret={secret}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={TotpAlgorithm.Digits}&period={TotpAlgorithm.StepSeconds}";

    private static string GroupInFours(string secret)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < secret.Length; i += 4)
        {
            if (i > 0)
            {
                grouped.Append(' ');
            }
            grouped.Append(secret.AsSpan(i, Math.Min(4, secret.Length - i)));
        }
        return grouped.ToString();
    }
}
