namespace TwoFactorDemo.Web.Outbox;

/// <summary>
/// One message to send, written in the same commit as the change that causes it (a transactional outbox). A mail's
/// bodies hold its links, so the payload is encrypted with Data Protection and erased once the message is sent.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>The mail's Message-ID, the same on every attempt, so a receiver can drop a duplicate (sending is at-least-once).</summary>
    public required string MessageId { get; set; }

    /// <summary>What the message is (the channel's own names: mail kinds in <c>Email/MailKinds</c>): the waiting page reads it.</summary>
    public required string Kind { get; set; }

    public string? UserId { get; set; }
    public required string To { get; set; }
    public string Subject { get; set; } = "";

    /// <summary>The protected payload (a mail's text and HTML bodies); erased after sending.</summary>
    public string ProtectedBody { get; set; } = "";

    public OutboxState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime DueAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>The claim of the sender working on it, and until when (a sender that died lets the claim run out).</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }

    /// <summary>
    /// The send-limit record (<c>MessageSends</c>) this message holds, if a limit counted it: a message that becomes a dead
    /// letter gives it back, since nothing went out (and a message composed when sent reserves only once, not per attempt).
    /// </summary>
    public long? SendReservationId { get; set; }

    /// <summary>
    /// The language of the page that queued it (<c>es</c>, <c>en</c>): a message composed when it is sent (a password
    /// reset) is written in it, not in the sender's.
    /// </summary>
    public string? Culture { get; set; }

    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}
