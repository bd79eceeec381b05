using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Email;
using TwoFactorDemo.Web.TwoFactor.Sms;

namespace TwoFactorDemo.Web.Authentication;

/// <summary>Creates an account and signs it in for the password step only.</summary>
public sealed class AccountRegistration(
    UserManager<ApplicationUser> users,
    SecondFactorSignIn signIn,
    TimeProvider clock,
    SecurityEventLog audit,
    PhoneSetup phoneSetup,
    AccountEmails emails)
{
    /// <summary>False when the confirmation mail could not be sent (the user can resend it).</summary>
    public bool ConfirmationSent { get; private set; } = true;

    /// <summary>What happened to the phone code sent at registration, for the next page.</summary>
    public string? PhoneMessage { get; private set; }

    /// <summary>
    /// Creates the account; a phone number, when given, is kept as pending and sent a code. A bad number fails
    /// the whole registration before anything is created.
    /// </summary>
    public async Task<IdentityResult> RegisterAsync(string email, string password, string? phoneNumber = null)
    {
        string? pendingPhone = null;
        if (!string.IsNullOrWhiteSpace(phoneNumber))
        {
            (pendingPhone, var error) = await phoneSetup.CheckNewNumberAsync(null, phoneNumber);
            if (pendingPhone is null)
            {
                return IdentityResult.Failed(new IdentityError { Code = "PhoneNumber", Description = error! });
            }
        }
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            PendingPhoneNumber = pendingPhone,
        };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            await audit.WriteAsync(SecurityEventKinds.Registered, user.Id);
            await signIn.SignInAfterPasswordAsync(user);
            ConfirmationSent = await emails.SendConfirmationAsync(user);
            if (pendingPhone is not null)
            {
                var sent = await phoneSetup.SendToPendingAsync(user, SmsChannel.Sms);
                PhoneMessage = sent.Message;
            }
        }
        return result;
    }
}
