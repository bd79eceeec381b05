namespace TwoFactorDemo.Web.Audit;

/// <summary>What each audit event means, in words an admin reads at a glance (the raw kind stays beside it).</summary>
public static class SecurityEventDescriptions
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        [SecurityEventKinds.Registered] = "Created an account",
        [SecurityEventKinds.RegistrationWithTakenAddress] = "Someone tried to register with this address",
        [SecurityEventKinds.PasswordSignIn] = "Signed in with the password (first step)",
        [SecurityEventKinds.PasswordFailed] = "Wrong password",
        [SecurityEventKinds.SecondFactorVerified] = "Finished signing in with a second factor",
        [SecurityEventKinds.SecondFactorFailed] = "Second factor refused",
        [SecurityEventKinds.LockedOut] = "Locked out after too many failures",
        [SecurityEventKinds.BrowserRemembered] = "Browser remembered",
        [SecurityEventKinds.SignedOut] = "Signed out",
        [SecurityEventKinds.TotpReplay] = "Authenticator code used twice (refused)",
        [SecurityEventKinds.TotpEnabled] = "Authenticator app set up",
        [SecurityEventKinds.TotpDisabled] = "Authenticator app removed",
        [SecurityEventKinds.TotpSetupStarted] = "Started setting up an authenticator app",
        [SecurityEventKinds.RecoveryCodesGenerated] = "New recovery codes made",
        [SecurityEventKinds.RecoveryCodeUsed] = "Used a recovery code",
        [SecurityEventKinds.BrowserForgotten] = "Remembered browsers forgotten",
        [SecurityEventKinds.OtherSessionsEnded] = "Signed out everywhere else",
        [SecurityEventKinds.SmsSent] = "Text-message code sent",
        [SecurityEventKinds.SmsSendRefused] = "Text-message code refused (too many)",
        [SecurityEventKinds.SmsProviderError] = "Text-message service failed",
        [SecurityEventKinds.PhoneVerified] = "Phone number verified",
        [SecurityEventKinds.SmsEnabled] = "Text-message codes turned on",
        [SecurityEventKinds.SmsDisabled] = "Text-message codes turned off",
        [SecurityEventKinds.EmailConfirmationSent] = "Confirmation email sent",
        [SecurityEventKinds.EmailConfirmed] = "Email address confirmed",
        [SecurityEventKinds.PasswordResetRequested] = "Password reset asked for",
        [SecurityEventKinds.PasswordReset] = "Password reset",
        [SecurityEventKinds.MagicLinkSent] = "Sign-in link sent",
        [SecurityEventKinds.MagicLinkSendRefused] = "Sign-in link refused (too many)",
        [SecurityEventKinds.MagicLinkApproved] = "Sign-in link approved",
        [SecurityEventKinds.MagicLinkRefused] = "Sign-in link refused",
        [SecurityEventKinds.EmailLinkEnabled] = "Email sign-in links turned on",
        [SecurityEventKinds.EmailLinkDisabled] = "Email sign-in links turned off",
        [SecurityEventKinds.TypingEnrolled] = "Typing rhythm set up",
        [SecurityEventKinds.TypingDisabled] = "Typing rhythm turned off",
        [SecurityEventKinds.PasskeyAdded] = "Passkey added",
        [SecurityEventKinds.PasskeyRenamed] = "Passkey renamed",
        [SecurityEventKinds.PasskeyRemoved] = "Passkey removed",
        [SecurityEventKinds.PasskeysDisabled] = "Every passkey removed",
        [SecurityEventKinds.PasskeyFailed] = "Passkey refused",
        [SecurityEventKinds.PasskeySignedIn] = "Signed in with a passkey",
        [SecurityEventKinds.PasskeyUsed] = "Used a passkey",
        [SecurityEventKinds.AdminResetSecondFactors] = "An admin reset the second factors",
        [SecurityEventKinds.AdminLocked] = "An admin locked the account",
        [SecurityEventKinds.AdminUnlocked] = "An admin unlocked the account",
        [SecurityEventKinds.AdminSignedOut] = "An admin signed the user out everywhere",
        [SecurityEventKinds.AdminGranted] = "An admin made the user an admin",
        [SecurityEventKinds.AdminRetriedMail] = "An admin sent a failed email again",
        [SecurityEventKinds.AdminRevoked] = "An admin removed admin rights",
        [SecurityEventKinds.AdminDeleted] = "An admin deleted the account",
    };

    /// <summary>The description of <paramref name="kind"/>, or the kind itself for one without a description.</summary>
    public static string Describe(string kind) => Descriptions.GetValueOrDefault(kind, kind);

    /// <summary>True when <paramref name="kind"/> has a description (a test keeps every kind covered).</summary>
    public static bool Covers(string kind) => Descriptions.ContainsKey(kind);
}
