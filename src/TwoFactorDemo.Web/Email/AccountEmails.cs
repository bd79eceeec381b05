using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.Sending;
using TwoFactorDemo.Web.Sessions;

namespace TwoFactorDemo.Web.Email;

/// <summary>
/// Email confirmation (Identity's token) and password reset (<see cref="PasswordResetTokenProvider"/>). Every mail goes
/// through the outbox (<see cref="MailOutbox"/>), written in the same commit as what caused it.
/// </summary>
public sealed class AccountEmails(
    IStringLocalizer<SharedResource> T,
    AppDbContext db,
    UserManager<ApplicationUser> users,
    MailOutbox outbox,
    SendLimiter limiter,
    IOptions<EmailOptions> emailOptions,
    IHttpContextAccessor http,
    EmailLinks links,
    UserSessionRevoker sessions,
    SecurityEventLog audit)
{
    /// <summary>Tells the owner of a taken address that someone tried to register with it (the visitor is told nothing).</summary>
    public async Task<bool> SendRegistrationAttemptAsync(ApplicationUser owner)
    {
        outbox.Add(EmailTemplates.RegistrationAttempt(owner.Email!, links.Absolute("/Account/ForgotPassword"), T), MailKinds.RegistrationAttempt, owner.Id);
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Queues the confirmation mail with its audit record (in the caller's commit when there is one).</summary>
    public async Task<bool> SendConfirmationAsync(ApplicationUser user)
    {
        var token = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = links.Absolute("/Account/ConfirmEmail", ("userId", user.Id), ("code", token));
        outbox.Add(EmailTemplates.ConfirmEmail(user.Email!, link, T), MailKinds.ConfirmEmail, user.Id);
        await audit.WriteAsync(SecurityEventKinds.EmailConfirmationSent, user.Id, "queued");
        await db.SaveChangesAsync();
        return true;
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
    /// Queues a forgot-password request: one row in the outbox, the same for every address, so nothing is looked up while
    /// the visitor waits and the answer and its work are the same whether or not the address has an account. The request
    /// survives a crash; the mail is composed when it is sent (<see cref="ComposePasswordResetAsync"/>).
    /// </summary>
    public async Task RequestPasswordResetAsync(string email)
    {
        outbox.AddToCompose(MailKinds.PasswordResetRequest, email, http.HttpContext?.Connection.RemoteIpAddress?.ToString());
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// When the request is sent: the send is reserved under the per-address and per-IP limits first (for unknown addresses
    /// too, so the limit says nothing either), then a reset mail is composed when the address belongs to an account.
    /// <paramref name="reserved"/>: an earlier attempt of the same request already reserved it (a retry after a failed
    /// send reserves nothing more, so an outage cannot use up the limit and drop the mail). Mail null: nothing to send;
    /// Reservation: the send-limit record this attempt made, if any.
    /// </summary>
    public async Task<(EmailMessage? Mail, long? Reservation)> ComposePasswordResetAsync(string address, string? ipAddress, bool reserved)
    {
        var email = emailOptions.Value;
        var limit = new SendLimit("reset", email.SendsPerAddress, TimeSpan.FromMinutes(10), email.SendsPerIp, TimeSpan.FromHours(1));
        var user = await users.FindByEmailAsync(address);
        var destination = users.NormalizeEmail(address) ?? address;
        var reservation = reserved ? null : await limiter.TryReserveAsync(limit, user?.Id, destination, ipAddress, sessionKey: null, TimeSpan.Zero);
        EmailMessage? mail = null;
        if (reservation?.RefusedUntil is { } until)
        {
            await audit.WriteAsync(SecurityEventKinds.PasswordResetRequested, user?.Id, $"refused: rate limit until {until:O}");
        }
        else if (user is null)
        {
            await audit.WriteAsync(SecurityEventKinds.PasswordResetRequested, null, "unknown email");
        }
        else
        {
            var token = Encode(await users.GeneratePasswordResetTokenAsync(user));
            mail = EmailTemplates.ResetPassword(user.Email!, links.Absolute("/Account/ResetPassword", ("email", user.Email!), ("code", token)), T);
            await audit.WriteAsync(SecurityEventKinds.PasswordResetRequested, user.Id);
        }
        await db.SaveChangesAsync();
        return (mail, reservation?.Id);
    }

    /// <summary>
    /// Sets a new password. Identity changes the security stamp, and every session of the user is deleted;
    /// the second factor stays as it was, and the user is not signed in.
    /// </summary>
    public async Task<IdentityResult> ResetPasswordAsync(string email, string? code, string newPassword)
    {
        var invalid = IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = T["This reset link is not valid any more. Ask for a new one."] });
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
