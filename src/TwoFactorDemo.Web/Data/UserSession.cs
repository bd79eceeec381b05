namespace TwoFactorDemo.Web.Data;

/// <summary>
/// A live sign-in session. The cookie carries <see cref="Key"/> as the <c>tfd:sid</c> claim; a cookie whose key
/// has no row here is refused, so logout and revocation really end a session.
/// </summary>
public class UserSession
{
    public required string Key { get; set; }
    public required string UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}
