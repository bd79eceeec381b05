namespace TwoFactorDemo.Web.Methods.EmailLink;

/// <summary>
/// A sign-in link mailed to the user: only the SHA-256 of its 256-bit token is kept. It belongs to the
/// session that asked for it, lives 15 minutes, and is spent once — by that session, or approved from
/// another browser on its behalf.
/// </summary>
public class MagicLink
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string TokenHash { get; set; }
    public required string SessionKey { get; set; }
    public string? ReturnUrl { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public DateTime? UsedAt { get; set; }

    /// <summary>Who asked, for the approval page and the mail: the browser in words ("Chrome on Windows") and the IP address.</summary>
    public string? RequestedBy { get; set; }
    public string? RequestedFrom { get; set; }

    /// <summary>
    /// The two-digit number the waiting browser shows; approving from another browser means typing it (number
    /// matching), so a person who opens a link asked by somebody else's browser can't approve it by habit.
    /// </summary>
    public int MatchNumber { get; set; }
}
