namespace TwoFactorDemo.Web.Data;

/// <summary>The one password-reset link of a user that can work now: only its SHA-256, until <see cref="ExpiresAt"/>, spent once.</summary>
public class PasswordReset
{
    public required string UserId { get; set; }
    public required string TokenHash { get; set; }
    public DateTime ExpiresAt { get; set; }
}
