namespace TwoFactorDemo.Web.SignIn;

/// <summary>What the password step did.</summary>
public enum PasswordSignInResult
{
    /// <summary>Wrong email or password, or the account is locked: the page says the same for all of them.</summary>
    Failed,

    /// <summary>Signed in without the second factor; the challenge comes next.</summary>
    NeedsSecondFactor,

    /// <summary>Signed in, and this browser was remembered, so the second factor is satisfied.</summary>
    BrowserRemembered,
}
