using TwoFactorDemo.Web.Methods;

namespace TwoFactorDemo.Web.SignIn;

/// <summary>The list of methods on /TwoFactor.</summary>
public class ChallengeViewModel
{
    public required IReadOnlyList<ISecondFactorMethod> Methods { get; init; }
    public string ReturnUrl { get; init; } = "/";
    public bool StepUp { get; init; }

    /// <summary>Only phishing-resistant methods are listed (the admin area asks for one).</summary>
    public bool PhishingResistantOnly { get; init; }

    /// <summary>The method's challenge page, keeping where to go afterwards and whether this is a step-up.</summary>
    public string LinkTo(ISecondFactorMethod method) =>
        $"{method.ChallengePath}?returnUrl={Uri.EscapeDataString(ReturnUrl)}{(StepUp ? "&stepUp=true" : "")}";
}
