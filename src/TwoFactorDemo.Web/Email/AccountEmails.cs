using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Sessions;

namespace TwoFactorDemo.Web.Email;

/// <summary>Email confirmation and password reset, with Identity's own tokens.</summary>
public sealed class AccountEmails(
    UserManager<ApplicationUser> users,
    IAppEmailSender sender,
    BackgroundEmailQueue queue,
    EmailLinks links,
    UserSessionRevoker sessions,
    SecurityEventLog audit)
{
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

    /// <summary>Mails a reset link when the address belongs to an account; the caller answers the same either way.</summary>
    public async Task RequestPasswordResetAsync(string email)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await audit.WriteAsync(SecurityEventKinds.PasswordResetRequested, null, "unknown email");
            return;
        }
        var token = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = links.Absolute("/Account/ResetPassword", ("email", user.Email!), ("code", token));
        queue.Enqueue(EmailTemplates.ResetPassword(user.Email!, link));
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
