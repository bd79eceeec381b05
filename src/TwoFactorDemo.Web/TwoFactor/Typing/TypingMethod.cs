using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.TwoFactor.Typing;

/// <summary>Typing rhythm of a fixed phrase; offered once enrolled and while not locked.</summary>
public sealed class TypingMethod(TypingProfiles profiles) : ISecondFactorMethod
{
    public string Name => SecondFactorMethodNames.Typing;
    public string DisplayName => "Typing rhythm";
    public string Description => "Type a short phrase; we recognise the rhythm of your typing.";
    public int Order => 40;
    public bool IsPrimary => true;
    public bool ChecksProofLocally => true;
    public string ChallengeAction => "Typing";
    public string SetupPath => "/Security/Typing";
    public string FormatMessage => "Type the phrase in the box.";

    public bool IsWellFormed(string normalizedProof) => normalizedProof.Length > 0;

    public Task<bool> IsEnrolledAsync(ApplicationUser user) => profiles.IsUsableAsync(user.Id);
}
