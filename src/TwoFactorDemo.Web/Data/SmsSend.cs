namespace TwoFactorDemo.Web.Data;

/// <summary>One attempt to send a code by SMS or call, kept for the rate limits (per account, number and client IP).</summary>
public class SmsSend
{
    public long Id { get; set; }
    public string? UserId { get; set; }
    public required string PhoneNumber { get; set; }
    public string? IpAddress { get; set; }
    public DateTime SentAt { get; set; }
}
