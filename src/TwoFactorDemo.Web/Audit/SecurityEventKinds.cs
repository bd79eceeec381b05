namespace TwoFactorDemo.Web.Audit;

/// <summary>Names of audit events.</summary>
public static class SecurityEventKinds
{
    public const string Registered = "account.registered";
    public const string PasswordSignIn = "signin.password";
    public const string PasswordFailed = "signin.password_failed";
    public const string SecondFactorVerified = "signin.second_factor";
    public const string SecondFactorFailed = "signin.second_factor_failed";
    public const string LockedOut = "signin.locked_out";
    public const string BrowserRemembered = "signin.browser_remembered";
    public const string SignedOut = "signin.signed_out";
    public const string TotpReplay = "totp.replay_rejected";
    public const string TotpEnabled = "totp.enabled";
    public const string TotpDisabled = "totp.disabled";
    public const string RecoveryCodesGenerated = "recovery.generated";
    public const string RecoveryCodeUsed = "recovery.used";
    public const string BrowserForgotten = "browser.forgotten";
    public const string OtherSessionsEnded = "sessions.others_ended";
    public const string SmsSent = "sms.sent";
    public const string SmsSendRefused = "sms.send_refused";
    public const string SmsProviderError = "sms.provider_error";
    public const string PhoneVerified = "phone.verified";
    public const string SmsEnabled = "sms.enabled";
    public const string SmsDisabled = "sms.disabled";
}
