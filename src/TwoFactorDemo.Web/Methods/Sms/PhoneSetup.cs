using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Account;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>
/// Adding or changing a phone number (it becomes usable only after the user proves it with a code), and
/// turning SMS sign-in on and off.
/// </summary>
public sealed class PhoneSetup(
    IStringLocalizer<SharedResource> T,
    UserManager<ApplicationUser> users,
    PhoneNumberParser parser,
    SmsVerification sms,
    EnrolledMethods enrolled,
    SecondFactorSettings settings,
    SecurityEventLog audit,
    AppDbContext db) : IPhoneNumberCheck
{
    /// <summary>
    /// The number in E.164, or the sentence explaining why it is not a number. A number may be on several accounts
    /// (families share phones), so nothing here says whether another account has it (issue 18, bug 3: the old
    /// "already used by another account" told anyone which numbers have accounts here).
    /// </summary>
    public (string? PhoneNumber, string? Error) CheckNumber(string? input) => parser.Read(input);

    /// <summary>Keeps the number as pending and sends it a code.</summary>
    public async Task<PhoneSetupResult> StartAsync(ApplicationUser user, string? input)
    {
        var (e164, error) = CheckNumber(input);
        if (e164 is null)
        {
            return new PhoneSetupResult(false, error!);
        }
        if (user.PhoneNumberConfirmed && user.PhoneNumber == e164)
        {
            return new PhoneSetupResult(false, T["That number is already verified on your account."]);
        }
        user.PendingPhoneNumber = e164;
        await users.SaveUserAsync(user);
        return await SendToPendingAsync(user, SmsChannel.Sms);
    }

    /// <summary>Sends (again) a code to the pending number, by text or call.</summary>
    public async Task<PhoneSetupResult> SendToPendingAsync(ApplicationUser user, SmsChannel channel)
    {
        if (user.PendingPhoneNumber is null)
        {
            return new PhoneSetupResult(false, T["Enter your phone number first."]);
        }
        var sent = await sms.SendAsync(user, user.PendingPhoneNumber, SmsPurposes.VerifyPhone, channel);
        return new PhoneSetupResult(sent.Sent, sent.Message, RateLimited: !sent.Sent && sent.NextSendAt is not null);
    }

    /// <summary>
    /// Proves the pending number with <paramref name="code"/>: it replaces the old number, and when
    /// <paramref name="useForSignIn"/> SMS sign-in is turned on (the code is a fresh proof of that factor).
    /// </summary>
    public async Task<PhoneSetupResult> ConfirmAsync(ApplicationUser user, string? code, bool useForSignIn)
    {
        if (user.PendingPhoneNumber is not { } pending)
        {
            return new PhoneSetupResult(false, T["Enter your phone number first."]);
        }
        var normalized = VerificationCode.Normalize(code);
        if (!SmsMethod.IsCodeShaped(normalized))
        {
            return new PhoneSetupResult(false, T["The code is the 6 digits from the text message (spaces and dashes are fine)."]);
        }
        var check = await sms.CheckAsync(pending, SmsPurposes.VerifyPhone, normalized);
        if (check.Status != SmsVerifierStatus.Approved)
        {
            return new PhoneSetupResult(false, T[check.UserMessage]);
        }
        // The code was checked above (by the provider, outside any commit); what it changes is one commit.
        var codes = await settings.EnableProvedAsync(user, SmsMethod.MethodName, async () =>
        {
            user.PhoneNumber = pending;
            user.PhoneNumberConfirmed = true;
            user.PendingPhoneNumber = null;
            user.SmsEnabled |= useForSignIn;
            await users.SaveUserAsync(user);
            await audit.WriteAsync(SecurityEventKinds.PhoneVerified, user.Id, ContactMasks.Phone(pending));
            if (useForSignIn)
            {
                await audit.WriteAsync(SecurityEventKinds.SmsEnabled, user.Id);
            }
            return user.SmsEnabled; // a number that is not for sign-in is a contact number, not a method
        });
        return user.SmsEnabled
            ? new PhoneSetupResult(true, T["Your phone number is verified; sign-in codes will go to it."], codes)
            : new PhoneSetupResult(true, T["Your phone number is verified."]);
    }

    /// <summary>Turns SMS sign-in on for the verified number; a first method needs a fresh code instead (see <see cref="ConfirmAsync"/>).</summary>
    public async Task<PhoneSetupResult> EnableSmsAsync(ApplicationUser user)
    {
        if (!user.PhoneNumberConfirmed || user.PhoneNumber is null)
        {
            return new PhoneSetupResult(false, T["Verify a phone number first."]);
        }
        if (!await enrolled.HasPrimaryAsync(user))
        {
            user.PendingPhoneNumber = user.PhoneNumber;
            await users.SaveUserAsync(user);
            var sent = await SendToPendingAsync(user, SmsChannel.Sms);
            return sent with { Succeeded = false, Message = T["To turn it on, enter the code we just sent. {0}", sent.Message] };
        }
        await db.InOneCommitAsync(async () =>
        {
            user.SmsEnabled = true;
            await users.SaveUserAsync(user);
            await audit.WriteAsync(SecurityEventKinds.SmsEnabled, user.Id);
        });
        return new PhoneSetupResult(true, T["Text-message codes are on."]);
    }
}
