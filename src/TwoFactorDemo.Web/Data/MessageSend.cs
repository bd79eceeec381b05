namespace TwoFactorDemo.Web.Data;

/// <summary>One attempt to send a code or link (by SMS, call or email), kept for the send limits.</summary>
public class MessageSend
{
    public long Id { get; set; }
    public required string Channel { get; set; }
    public string? UserId { get; set; }
    public required string Destination { get; set; }
    public string? IpAddress { get; set; }

    /// <summary>The session that asked, for the per-session resend cooldown; null for a send without one.</summary>
    public string? SessionKey { get; set; }
    public DateTime SentAt { get; set; }
}
