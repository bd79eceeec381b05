using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OtpNet;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Hosting;

namespace TwoFactorDemo.Web.TwoFactor.Totp;

/// <summary>Sets up and removes the authenticator app for a user.</summary>
public sealed class TotpEnrollment(
    UserManager<ApplicationUser> users,
    TotpSecretProtector protector,
    TotpTokenProvider provider,
    TimeProvider clock,
    IOptions<TwoFactorOptions> options,
    SecurityEventLog audit)
{
    /// <summary>The pending secret to show, created on first visit and kept until confirmed.</summary>
    public async Task<TotpSetup> GetOrCreatePendingAsync(ApplicationUser user)
    {
        byte[] key;
        if (user.TotpPendingSecret is { } pending)
        {
            key = protector.Unprotect(pending);
        }
        else
        {
            key = TotpAlgorithm.NewKey();
            user.TotpPendingSecret = protector.Protect(key);
            await users.UpdateAsync(user);
        }
        var secret = Base32Encoding.ToString(key).TrimEnd('=');
        var uri = OtpauthUri(options.Value.Totp.Issuer, user.Email ?? user.UserName ?? user.Id, secret);
        return new TotpSetup(GroupInFours(secret), uri, TotpQrCode.ToPngDataUri(uri));
    }

    /// <summary>Enables TOTP when <paramref name="code"/> matches the pending secret now; that step then counts as used.</summary>
    public async Task<bool> ConfirmAsync(ApplicationUser user, string code)
    {
        if (user.TotpPendingSecret is null)
        {
            return false;
        }
        var step = TotpAlgorithm.MatchStep(protector.Unprotect(user.TotpPendingSecret), VerificationCode.Normalize(code), clock.GetUtcNow());
        if (step is null || !await provider.TryAdvanceLastStepAsync(user, step.Value))
        {
            return false;
        }
        user.TotpSecret = user.TotpPendingSecret;
        user.TotpPendingSecret = null;
        user.TotpEnabledAt = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        await audit.WriteAsync(SecurityEventKinds.TotpEnabled, user.Id);
        return true;
    }

    public async Task DisableAsync(ApplicationUser user)
    {
        user.TotpSecret = null;
        user.TotpPendingSecret = null;
        user.TotpEnabledAt = null;
        await users.UpdateAsync(user);
        await audit.WriteAsync(SecurityEventKinds.TotpDisabled, user.Id);
    }

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
