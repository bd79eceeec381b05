using TwoFactorDemo.Web.Outbox;

namespace TwoFactorDemo.Web.Methods.EmailLink;

/// <summary>
/// The link this session is waiting for: when it was asked for, whether it was approved from another browser, and how
/// its mail is doing (sending, sent, or could not be sent).
/// </summary>
public sealed record PendingMagicLink(DateTimeOffset SentAt, bool Approved, OutboxDelivery Delivery, int MatchNumber);
