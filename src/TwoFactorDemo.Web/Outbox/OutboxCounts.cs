namespace TwoFactorDemo.Web.Outbox;

/// <summary>Mail waiting to be sent, and dead letters.</summary>
public sealed record OutboxCounts(int Pending, int Dead);
