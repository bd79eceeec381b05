namespace TwoFactorDemo.Web.Data;

/// <summary>One entry of the security audit log.</summary>
public class SecurityEvent
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }

    /// <summary>The subject's email when the event was written, so the row still reads after the account is deleted.</summary>
    public string? UserEmail { get; set; }

    /// <summary>Who did it, when not the subject (an admin).</summary>
    public string? ActorId { get; set; }
    public required string Kind { get; set; }
    public string? Detail { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
}
