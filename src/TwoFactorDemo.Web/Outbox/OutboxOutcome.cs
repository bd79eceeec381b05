namespace TwoFactorDemo.Web.Outbox;

/// <summary>What sending a message came to: sent, nothing to send (dropped), or failed with a reason (retried).</summary>
public sealed record OutboxOutcome(OutboxState State, string? Error = null)
{
    public static OutboxOutcome Sent { get; } = new(OutboxState.Sent);

    public static OutboxOutcome Dropped(string why) => new(OutboxState.Dropped, why);

    public static OutboxOutcome Failed(string error) => new(OutboxState.Pending, error);
}
