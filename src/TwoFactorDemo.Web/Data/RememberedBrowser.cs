namespace TwoFactorDemo.Web.Data;

/// <summary>
/// A browser that may skip the second factor ("remember this browser"). The cookie carries a random token whose
/// SHA-256 is <see cref="TokenHash"/>; a cookie whose row is gone (forgotten, revoked, expired) skips nothing, so a
/// copied cookie dies with its row.
/// </summary>
public class RememberedBrowser
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string TokenHash { get; set; }
    public string? UserAgent { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}
