using TwoFactorDemo.Web.TwoFactor;

namespace TwoFactorDemo.Web.ViewModels.TwoFactor;

/// <summary>The list of methods on /TwoFactor.</summary>
public class ChallengeViewModel
{
    public required IReadOnlyList<ISecondFactorMethod> Methods { get; init; }
    public string ReturnUrl { get; init; } = "/";
    public bool StepUp { get; init; }
}
