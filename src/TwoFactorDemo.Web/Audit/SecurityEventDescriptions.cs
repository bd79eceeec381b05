using TwoFactorDemo.Web.Localization;

namespace TwoFactorDemo.Web.Audit;

/// <summary>
/// What each audit event means, in words an admin reads at a glance (the raw kind stays beside it); resource keys, the
/// audit page shows them in the reader's language.
/// </summary>
public static class SecurityEventDescriptions
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        [SecurityEventKinds.Registered] = TextKey.Of("Created an account"),
        [SecurityEventKinds.RegistrationWithTakenAddress] = TextKey.Of("Someone tried to register with this address"),
        [SecurityEventKinds.PasswordSignIn] = TextKey.Of("Signed in with the password (first step)"),
        [SecurityEventKinds.PasswordFailed] = TextKey.Of("Wrong password"),
        [SecurityEventKinds.SecondFactorVerified] = TextKey.Of("Finished signing in with a second factor"),
        [SecurityEventKinds.SecondFactorFailed] = TextKey.Of("Second factor refused"),
        [SecurityEventKinds.LockedOut] = TextKey.Of("Locked out after too many failures"),
        [SecurityEventKinds.BrowserRemembered] = TextKey.Of("Browser remembered"),
        [SecurityEventKinds.SignedOut] = TextKey.Of("Signed out"),
        [SecurityEventKinds.TotpReplay] = TextKey.Of("Authenticator code used twice (refused)"),
        [SecurityEventKinds.TotpEnabled] = TextKey.Of("Authenticator app set up"),
        [SecurityEventKinds.TotpDisabled] = TextKey.Of("Authenticator app removed"),
        [SecurityEventKinds.TotpSetupStarted] = TextKey.Of("Started setting up an authenticator app"),
        [SecurityEventKinds.RecoveryCodesGenerated] = TextKey.Of("New recovery codes made"),
        [SecurityEventKinds.RecoveryCodeUsed] = TextKey.Of("Used a recovery code"),
        [SecurityEventKinds.BrowserForgotten] = TextKey.Of("Remembered browsers forgotten"),
        [SecurityEventKinds.OtherSessionsEnded] = TextKey.Of("Signed out everywhere else"),
        [SecurityEventKinds.SmsSent] = TextKey.Of("Text-message code sent"),
        [SecurityEventKinds.SmsSendRefused] = TextKey.Of("Text-message code refused (too many)"),
        [SecurityEventKinds.SmsProviderError] = TextKey.Of("Text-message service failed"),
        [SecurityEventKinds.PhoneVerified] = TextKey.Of("Phone number verified"),
        [SecurityEventKinds.SmsEnabled] = TextKey.Of("Text-message codes turned on"),
        [SecurityEventKinds.SmsDisabled] = TextKey.Of("Text-message codes turned off"),
        [SecurityEventKinds.EmailConfirmationSent] = TextKey.Of("Confirmation email sent"),
        [SecurityEventKinds.EmailConfirmed] = TextKey.Of("Email address confirmed"),
        [SecurityEventKinds.PasswordResetRequested] = TextKey.Of("Password reset asked for"),
        [SecurityEventKinds.PasswordReset] = TextKey.Of("Password reset"),
        [SecurityEventKinds.MagicLinkSent] = TextKey.Of("Sign-in link sent"),
        [SecurityEventKinds.MagicLinkSendRefused] = TextKey.Of("Sign-in link refused (too many)"),
        [SecurityEventKinds.MagicLinkApproved] = TextKey.Of("Sign-in link approved"),
        [SecurityEventKinds.MagicLinkRefused] = TextKey.Of("Sign-in link refused"),
        [SecurityEventKinds.EmailLinkEnabled] = TextKey.Of("Email sign-in links turned on"),
        [SecurityEventKinds.EmailLinkDisabled] = TextKey.Of("Email sign-in links turned off"),
        [SecurityEventKinds.TypingEnrolled] = TextKey.Of("Typing rhythm set up"),
        [SecurityEventKinds.TypingDisabled] = TextKey.Of("Typing rhythm turned off"),
        [SecurityEventKinds.PasskeyAdded] = TextKey.Of("Passkey added"),
        [SecurityEventKinds.PasskeyRenamed] = TextKey.Of("Passkey renamed"),
        [SecurityEventKinds.PasskeyRemoved] = TextKey.Of("Passkey removed"),
        [SecurityEventKinds.PasskeysDisabled] = TextKey.Of("Every passkey removed"),
        [SecurityEventKinds.PasskeyFailed] = TextKey.Of("Passkey refused"),
        [SecurityEventKinds.PasskeySignedIn] = TextKey.Of("Signed in with a passkey"),
        [SecurityEventKinds.PasskeyUsed] = TextKey.Of("Used a passkey"),
        [SecurityEventKinds.AdminResetSecondFactors] = TextKey.Of("An admin reset the second factors"),
        [SecurityEventKinds.AdminLocked] = TextKey.Of("An admin locked the account"),
        [SecurityEventKinds.AdminUnlocked] = TextKey.Of("An admin unlocked the account"),
        [SecurityEventKinds.AdminSignedOut] = TextKey.Of("An admin signed the user out everywhere"),
        [SecurityEventKinds.AdminGranted] = TextKey.Of("An admin made the user an admin"),
        [SecurityEventKinds.AdminRetriedMail] = TextKey.Of("An admin sent a failed email again"),
        [SecurityEventKinds.AdminRevoked] = TextKey.Of("An admin removed admin rights"),
        [SecurityEventKinds.AdminDeleted] = TextKey.Of("An admin deleted the account"),
    };

    /// <summary>The description of <paramref name="kind"/>, or the kind itself for one without a description.</summary>
    public static string Describe(string kind) => Descriptions.GetValueOrDefault(kind, kind);

    /// <summary>True when <paramref name="kind"/> has a description (a test keeps every kind covered).</summary>
    public static bool Covers(string kind) => Descriptions.ContainsKey(kind);
}
