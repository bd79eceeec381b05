namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>/TwoFactor/Typing: the phrase to type; the recorder fills <see cref="Pattern"/>.</summary>
public class TypingChallengeViewModel
{
    public string? Pattern { get; set; }
    public bool RememberBrowser { get; set; }
    public string? ReturnUrl { get; set; }
    public bool StepUp { get; set; }
    public string Phrase { get; set; } = "";
    public string? Message { get; set; }

    /// <summary>After a refusal: the masked address a sign-in link can go to in one click, or null.</summary>
    public string? SignInLinkTo { get; set; }

    /// <summary>Where that one-click form posts.</summary>
    public string SignInLinkPath { get; set; } = "";
}
