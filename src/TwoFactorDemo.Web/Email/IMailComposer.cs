using TwoFactorDemo.Web.Outbox;

namespace TwoFactorDemo.Web.Email;

/// <summary>Composes, when it is sent, a mail of one kind that was queued without content (a forgot-password request).</summary>
public interface IMailComposer
{
    string Kind { get; }

    /// <summary>The mail to send, or null when there is nothing to send (the message is then dropped).</summary>
    Task<EmailMessage?> ComposeAsync(OutboxMessage row);
}
