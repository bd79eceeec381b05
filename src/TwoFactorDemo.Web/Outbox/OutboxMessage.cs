namespace TwoFactorDemo.Web.Outbox;

/// <summary>
/// One mail to send, written in the same commit as the change that causes it (a transactional outbox). The bodies hold
/// the mail's links, so they are encrypted with Data Protection and erased once the mail is sent.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>The mail's Message-ID, the same on every attempt, so a receiver can drop a duplicate (sending is at-least-once).</summary>
    public required string MessageId { get; set; }

    /// <summary>What the mail is (<see cref="OutboxKinds"/>): the waiting page and the admin counts read it.</summary>
    public required string Kind { get; set; }

    public string? UserId { get; set; }
    public required string To { get; set; }
    public string Subject { get; set; } = "";

    /// <summary>The protected text and HTML bodies; empty for a message composed when it is sent, and after sending.</summary>
    public string ProtectedBody { get; set; } = "";

    public OutboxState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime DueAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>The claim of the sender working on it, and until when (a sender that died lets the claim run out).</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }

    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}
