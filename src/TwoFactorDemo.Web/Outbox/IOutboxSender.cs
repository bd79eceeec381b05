namespace TwoFactorDemo.Web.Outbox;

/// <summary>Sends one claimed message (mail today; a text-message channel could add its own later).</summary>
public interface IOutboxSender
{
    Task<OutboxOutcome> SendAsync(OutboxMessage row, CancellationToken cancellationToken);
}
