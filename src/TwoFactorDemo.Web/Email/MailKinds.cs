namespace TwoFactorDemo.Web.Email;

/// <summary>The kinds of mail in the outbox (<see cref="TwoFactorDemo.Web.Outbox.OutboxMessage.Kind"/>).</summary>
public static class MailKinds
{
    public const string SignInLink = "signin-link";
    public const string ConfirmEmail = "confirm-email";
    public const string RegistrationAttempt = "registration-attempt";

    /// <summary>A forgot-password request: composed when sent (who owns the address is looked up then, not in the request).</summary>
    public const string PasswordResetRequest = "password-reset-request";
}
