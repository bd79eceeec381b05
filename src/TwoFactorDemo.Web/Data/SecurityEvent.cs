namespace TwoFactorDemo.Web.Data;

/// <summary>One entry of the security audit log.</summary>
public class SecurityEvent
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public required string Kind { get; set; }
    public string? Detail { get; set; }
    public string? IpAddress { get; set; }
}
