namespace TwoFactorDemo.Web.Data;

/// <summary>
/// A code or link this session asked for, and where it went. A code is accepted only in the session that
/// asked for it (ASVS 2.7.x: bound to the login request), and only while this row lives.
/// </summary>
public class SessionChallenge
{
    public long Id { get; set; }
    public required string SessionKey { get; set; }
    public required string Purpose { get; set; }
    public required string Target { get; set; }
    public DateTime SentAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}
