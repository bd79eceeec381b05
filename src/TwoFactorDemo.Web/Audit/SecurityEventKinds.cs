namespace TwoFactorDemo.Web.Audit;

/// <summary>Names of audit events.</summary>
public static class SecurityEventKinds
{
    public const string Registered = "account.registered";
    public const string RegistrationWithTakenAddress = "account.registration_with_taken_address";
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
    public const string TotpSetupStarted = "totp.setup_started";
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
    public const string EmailConfirmationSent = "email.confirmation_sent";
    public const string EmailConfirmed = "email.confirmed";
    public const string PasswordResetRequested = "password.reset_requested";
    public const string PasswordReset = "password.reset";
    public const string MagicLinkSent = "email_link.sent";
    public const string MagicLinkSendRefused = "email_link.send_refused";
    public const string MagicLinkApproved = "email_link.approved";
    public const string MagicLinkRefused = "email_link.refused";
    public const string EmailLinkEnabled = "email_link.enabled";
    public const string EmailLinkDisabled = "email_link.disabled";
    public const string TypingEnrolled = "typing.enrolled";
    public const string PasskeyAdded = "passkey.added";
    public const string PasskeyRenamed = "passkey.renamed";
    public const string PasskeyRemoved = "passkey.removed";
    public const string PasskeysDisabled = "passkey.all_removed";
    public const string PasskeyFailed = "passkey.failed";
    public const string PasskeySignedIn = "passkey.sign_in";
    public const string PasskeyUsed = "passkey.used";
    public const string TypingDisabled = "typing.disabled";
    public const string AdminResetSecondFactors = "admin.reset_2fa";
    public const string AdminLocked = "admin.lock";
    public const string AdminUnlocked = "admin.unlock";
    public const string AdminSignedOut = "admin.sign_out";
    public const string AdminGranted = "admin.grant_admin";
    public const string AdminRetriedMail = "admin.retry_mail";
    public const string AdminRevoked = "admin.revoke_admin";
    public const string AdminDeleted = "admin.delete_user";
}
