namespace TwoFactorDemo.Web.Data;

/// <summary>A server-side sign-in session: the cookie holds only <see cref="Key"/>, so logout can really end it.</summary>
public class UserSession
{
    public required string Key { get; set; }
    public string? UserId { get; set; }
    public required byte[] Ticket { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
}
