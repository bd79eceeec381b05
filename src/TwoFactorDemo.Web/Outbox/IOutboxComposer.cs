using TwoFactorDemo.Web.Email;

namespace TwoFactorDemo.Web.Outbox;

/// <summary>Composes, when it is sent, a message of one kind that was queued without content (a forgot-password request).</summary>
public interface IOutboxComposer
{
    string Kind { get; }

    /// <summary>The mail to send, or null when there is nothing to send (the message is then dropped).</summary>
    Task<EmailMessage?> ComposeAsync(OutboxMessage row);
}
