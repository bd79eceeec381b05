namespace TwoFactorDemo.Web.Outbox;

/// <summary>Where a message in the outbox is.</summary>
public enum OutboxState
{
    /// <summary>Waiting to be sent (again, after a failure, once <see cref="OutboxMessage.DueAt"/> has come).</summary>
    Pending = 0,

    /// <summary>Handed to the mail server; its bodies are erased.</summary>
    Sent = 1,

    /// <summary>Nothing to send after all (a password reset for an address without an account, or over its limit).</summary>
    Dropped = 2,

    /// <summary>Failed <see cref="OutboxOptions.MaxAttempts"/> times: a dead letter, shown to admins, who can retry it.</summary>
    Dead = 3,
}
