using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.TwoFactor.Typing;

/// <summary>Typing rhythm of a fixed phrase; enrolled once the profile is complete, offered while it is not locked.</summary>
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

    /// <summary>A complete profile, locked or not: a locked profile never turns the account into one without a second factor.</summary>
    public Task<bool> IsEnrolledAsync(ApplicationUser user) => profiles.IsEnrolledAsync(user.Id);

    public Task<bool> IsAvailableAsync(ApplicationUser user) => profiles.IsUsableAsync(user.Id);

    public Task ResetAsync(ApplicationUser user) => profiles.DeleteAsync(user.Id);

    /// <summary>Typing stays locked after five failures until another method succeeds: this is that moment.</summary>
    public async Task OtherMethodSucceededAsync(ApplicationUser user)
    {
        if (await profiles.NeedsLockResetAsync(user.Id))
        {
            await profiles.ResetLockAsync(user.Id);
        }
    }
}
