using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Sending;
using TwoFactorDemo.Web.Sessions;

namespace TwoFactorDemo.Web.Email;

/// <summary>Email confirmation (Identity's token) and password reset (<see cref="PasswordResetTokenProvider"/>).</summary>
public sealed class AccountEmails(
    UserManager<ApplicationUser> users,
    IAppEmailSender sender,
    PasswordResetQueue resetQueue,
    SendLimiter limiter,
    IOptions<EmailOptions> emailOptions,
    IHttpContextAccessor http,
    EmailLinks links,
    UserSessionRevoker sessions,
    SecurityEventLog audit)
{
    /// <summary>Tells the owner of a taken address that someone tried to register with it (the visitor is told nothing).</summary>
    public async Task<bool> SendRegistrationAttemptAsync(ApplicationUser owner) =>
        await sender.SendAsync(EmailTemplates.RegistrationAttempt(owner.Email!, links.Absolute("/Account/ForgotPassword")));

    public async Task<bool> SendConfirmationAsync(ApplicationUser user)
    {
        var token = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = links.Absolute("/Account/ConfirmEmail", ("userId", user.Id), ("code", token));
        var sent = await sender.SendAsync(EmailTemplates.ConfirmEmail(user.Email!, link));
        await audit.WriteAsync(SecurityEventKinds.EmailConfirmationSent, user.Id, sent ? null : "failed");
        return sent;
    }

    public async Task<bool> ConfirmAsync(string? userId, string? code)
    {
        if (string.IsNullOrEmpty(userId) || userId.Length > 64 || Decode(code) is not { } token
            || await users.FindByIdAsync(userId) is not { } user)
        {
            return false;
        }
        var result = await users.ConfirmEmailAsync(user, token);
        if (result.Succeeded)
        {
            await audit.WriteAsync(SecurityEventKinds.EmailConfirmed, user.Id);
        }
        return result.Succeeded;
    }

    /// <summary>
    /// Queues a forgot-password request: nothing is looked up while the visitor waits, so the answer and its timing are
    /// the same whether or not the address has an account.
    /// </summary>
    public void RequestPasswordReset(string email) =>
        resetQueue.Enqueue(new PasswordResetRequest(email, http.HttpContext?.Connection.RemoteIpAddress?.ToString()));

    /// <summary>
    /// After the response: the send is reserved under the per-address and per-IP limits first (for unknown addresses
    /// too, so the limit says nothing either), then a reset link is mailed when the address belongs to an account.
    /// </summary>
    public async Task SendPasswordResetAsync(PasswordResetRequest request)
    {
        var email = emailOptions.Value;
        var limit = new SendLimit("reset", email.SendsPerAddress, TimeSpan.FromMinutes(10), email.SendsPerIp, TimeSpan.FromHours(1));
        var user = await users.FindByEmailAsync(request.Email);
        var destination = users.NormalizeEmail(request.Email) ?? request.Email;
        if ((await limiter.TryReserveAsync(limit, user?.Id, destination, request.IpAddress, sessionKey: null, TimeSpan.Zero)).RefusedUntil is { } until)
        {
            await audit.WriteAsync(SecurityEventKinds.PasswordResetRequested, user?.Id, $"refused: rate limit until {until:O}");
            return;
        }
        if (user is null)
        {
            await audit.WriteAsync(SecurityEventKinds.PasswordResetRequested, null, "unknown email");
            return;
        }
        var token = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = links.Absolute("/Account/ResetPassword", ("email", user.Email!), ("code", token));
        await sender.SendAsync(EmailTemplates.ResetPassword(user.Email!, link));
        await audit.WriteAsync(SecurityEventKinds.PasswordResetRequested, user.Id);
    }

    /// <summary>
    /// Sets a new password. Identity changes the security stamp, and every session of the user is deleted;
    /// the second factor stays as it was, and the user is not signed in.
    /// </summary>
    public async Task<IdentityResult> ResetPasswordAsync(string email, string? code, string newPassword)
    {
        var invalid = IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = "This reset link is not valid any more. Ask for a new one." });
        if (Decode(code) is not { } token || await users.FindByEmailAsync(email) is not { } user)
        {
            return invalid;
        }
        // The password is checked before the link is spent, so a too-short password does not burn the link.
        foreach (var validator in users.PasswordValidators)
        {
            if (await validator.ValidateAsync(users, user, newPassword) is { Succeeded: false } weak)
            {
                return weak;
            }
        }
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == "InvalidToken") ? invalid : result;
        }
        await sessions.RevokeAllAsync(user.Id);
        await audit.WriteAsync(SecurityEventKinds.PasswordReset, user.Id);
        return result;
    }

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 2048)
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
