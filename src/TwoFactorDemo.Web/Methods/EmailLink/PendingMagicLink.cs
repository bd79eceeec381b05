namespace TwoFactorDemo.Web.Methods.EmailLink;

/// <summary>The link this session is waiting for: when it was sent, and whether it was approved from another browser.</summary>
public sealed record PendingMagicLink(DateTimeOffset SentAt, bool Approved);
