using TwoFactorDemo.Web.Outbox;

namespace TwoFactorDemo.Web.Email;

/// <summary>
/// Turns a queued forgot-password request into the reset mail, or nothing (<see cref="AccountEmails.ComposePasswordResetAsync"/>).
/// The first attempt reserves the send under the limits and the row keeps the reservation, so a retry does not count again
/// and a dead letter gives it back.
/// </summary>
public sealed class PasswordResetComposer(AccountEmails emails, MailOutbox outbox, OutboxStore store) : IMailComposer
{
    public string Kind => MailKinds.PasswordResetRequest;

    public async Task<EmailMessage?> ComposeAsync(OutboxMessage row)
    {
        var (mail, reservation) = await emails.ComposePasswordResetAsync(row.To, outbox.Context(row), reserved: row.SendReservationId is not null);
        if (reservation is { } id)
        {
            await store.HoldReservationAsync(row, id);
        }
        return mail;
    }
}
