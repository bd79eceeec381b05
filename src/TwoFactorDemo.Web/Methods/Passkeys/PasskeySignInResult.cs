namespace TwoFactorDemo.Web.Methods.Passkeys;

/// <summary>What a passwordless sign-in came to.</summary>
public enum PasskeySignInResult
{
    Failed,
    Verified,
    NeedsSecondFactor,
}
