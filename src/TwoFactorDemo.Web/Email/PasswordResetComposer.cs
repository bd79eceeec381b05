using TwoFactorDemo.Web.Outbox;

namespace TwoFactorDemo.Web.Email;

/// <summary>Turns a queued forgot-password request into the reset mail, or nothing (<see cref="AccountEmails.ComposePasswordResetAsync"/>).</summary>
public sealed class PasswordResetComposer(AccountEmails emails, MailOutbox outbox) : IMailComposer
{
    public string Kind => MailKinds.PasswordResetRequest;

    public Task<EmailMessage?> ComposeAsync(OutboxMessage row) => emails.ComposePasswordResetAsync(row.To, outbox.Context(row));
}
