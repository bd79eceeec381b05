using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Email;

namespace TwoFactorDemo.Web.Account;

/// <summary>
/// Creates an account, answering the same whether or not the address already has one (issue 13, finding 9): a new
/// address gets its confirmation mail, a taken one a "someone tried to register with your address" mail to its owner,
/// and in both cases the visitor is told to check the inbox and sign in. Nobody is signed in here.
/// </summary>
public sealed class AccountRegistration(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    TimeProvider clock,
    SecurityEventLog audit,
    IPhoneNumberCheck phoneNumbers,
    AccountEmails emails)
{
    // A real hash, so a taken address costs the same password hashing as a new account.
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Guid.NewGuid().ToString()));

    /// <summary>
    /// Checks what the visitor typed (password rules, phone number) and, when it is valid, creates the account or mails
    /// the owner of the taken address. A phone number is kept as pending; its code is sent once the user has signed in.
    /// Errors name only what was typed, never whether the address is taken; <see cref="RegistrationOutcome.MailSent"/>
    /// says whether the one mail went out, in either case.
    /// </summary>
    public async Task<RegistrationOutcome> RegisterAsync(string email, string password, string? phoneNumber = null)
    {
        string? pendingPhone = null;
        if (!string.IsNullOrWhiteSpace(phoneNumber))
        {
            (pendingPhone, var error) = phoneNumbers.CheckNumber(phoneNumber);
            if (pendingPhone is null)
            {
                return new RegistrationOutcome([error!], MailSent: false);
            }
        }
        var user = new ApplicationUser { UserName = email, Email = email, CreatedAt = clock.GetUtcNow().UtcDateTime, PendingPhoneNumber = pendingPhone };
        foreach (var validator in users.PasswordValidators)
        {
            if (await validator.ValidateAsync(users, user, password) is { Succeeded: false } weak)
            {
                return new RegistrationOutcome(weak.Errors.Select(e => e.Description).ToList(), MailSent: false);
            }
        }
        if (await users.FindByEmailAsync(email) is { } owner)
        {
            return await TakenAsync(owner, password);
        }
        // The account, its audit record and its confirmation mail (in the outbox): one commit, so a crash never leaves an
        // account whose confirmation was never queued.
        var (result, mailQueued) = await db.InOneCommitAsync(async () =>
        {
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return (created, false);
            }
            await audit.WriteAsync(SecurityEventKinds.Registered, user.Id);
            return (created, await emails.SendConfirmationAsync(user));
        });
        if (result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
            && await users.FindByEmailAsync(email) is { } registeredMeanwhile)
        {
            return await TakenAsync(registeredMeanwhile, password); // a parallel request registered it a moment ago
        }
        if (!result.Succeeded)
        {
            return new RegistrationOutcome(result.Errors.Select(e => e.Description).ToList(), MailSent: false);
        }
        return new RegistrationOutcome([], mailQueued);
    }

    // The owner is mailed (in the same time a new account's confirmation takes) and the visitor gets the same answer.
    private async Task<RegistrationOutcome> TakenAsync(ApplicationUser owner, string password)
    {
        users.PasswordHasher.VerifyHashedPassword(owner, DummyHash.Value, password);
        return new RegistrationOutcome([], await db.InOneCommitAsync(async () =>
        {
            await audit.WriteAsync(SecurityEventKinds.RegistrationWithTakenAddress, owner.Id);
            return await emails.SendRegistrationAttemptAsync(owner);
        }));
    }
}
