namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>/Security/Sms: whether text-message codes are on, and to which number.</summary>
public class SmsSettingsViewModel
{
    public string? VerifiedPhone { get; set; }
    public bool Enabled { get; set; }
}
