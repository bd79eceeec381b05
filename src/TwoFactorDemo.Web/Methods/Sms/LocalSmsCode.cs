namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>A code the local SMS provider "sent": only its keyed hash is stored, with its expiry and wrong tries.</summary>
public class LocalSmsCode
{
    public long Id { get; set; }
    public required string PhoneNumber { get; set; }
    public required string CodeHash { get; set; }

    /// <summary>The code sealed under a key of this process (<see cref="SmsCodeHasher.Seal"/>), so a second send re-sends it.</summary>
    public string SealedCode { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public int FailedChecks { get; set; }
}
