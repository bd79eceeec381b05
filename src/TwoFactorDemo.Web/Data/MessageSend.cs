namespace TwoFactorDemo.Web.Data;

/// <summary>One attempt to send a code or link (by SMS, call or email), kept for the send limits.</summary>
public class MessageSend
{
    public long Id { get; set; }
    public required string Channel { get; set; }
    public string? UserId { get; set; }
    public required string Destination { get; set; }
    public string? IpAddress { get; set; }
    public DateTime SentAt { get; set; }
}
