namespace TwoFactorDemo.Web.Outbox;

/// <summary>The <c>Outbox</c> section: how mail is retried.</summary>
public class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Attempts before a message becomes a dead letter.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; each later one doubles it (with ±20 % jitter), up to <see cref="MaxRetrySeconds"/>.</summary>
    public double FirstRetrySeconds { get; set; } = 10;

    public double MaxRetrySeconds { get; set; } = 1800;

    /// <summary>How often a sender looks for due mail when nothing wakes it.</summary>
    public double PollSeconds { get; set; } = 1;

    /// <summary>Messages claimed at a time.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claim lasts: a sender that dies mid-batch leaves its messages to another after this.</summary>
    public double LeaseSeconds { get; set; } = 120;

    /// <summary>A pending message overdue by more than this makes /readyz unhealthy (the sender is stuck).</summary>
    public double StuckMinutes { get; set; } = 15;
}
