namespace TwoFactorDemo.Web.Methods.RecoveryCodes;

/// <summary>One single-use recovery code, stored only as a hash.</summary>
public class RecoveryCode
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string CodeHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? UsedAt { get; set; }
}
