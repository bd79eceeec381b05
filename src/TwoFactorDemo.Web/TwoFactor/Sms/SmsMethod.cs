using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.TwoFactor.Sms;

/// <summary>A code by text message (or call), offered only for a number the user proved (ASVS 2.7.1).</summary>
public sealed class SmsMethod : ISecondFactorMethod
{
    public string Name => SecondFactorMethodNames.Sms;
    public string DisplayName => "Text message";
    public string Description => "We text a 6-digit code to your verified phone (or call you with it).";
    public int Order => 20;
    public bool IsPrimary => true;
    public bool ChecksProofLocally => false; // Twilio Verify checks the code
    public string ChallengeAction => "Sms";
    public string SetupPath => "/Security/Sms";
    public string FormatMessage => "The code is the 6 digits from the text message (spaces and dashes are fine).";

    public bool IsWellFormed(string normalizedProof) => IsCodeShaped(normalizedProof);

    /// <summary>Turned on, whatever the state of the number or the provider now: still the account's method.</summary>
    public Task<bool> IsEnrolledAsync(ApplicationUser user) => Task.FromResult(user.SmsEnabled);

    public Task<bool> IsAvailableAsync(ApplicationUser user) => Task.FromResult(IsUsable(user));

    /// <summary>Turns text-message sign-in off; the verified number stays on the account (it is also its contact number).</summary>
    public Task ResetAsync(ApplicationUser user)
    {
        user.SmsEnabled = false;
        return Task.CompletedTask;
    }

    public Task OtherMethodSucceededAsync(ApplicationUser user) => Task.CompletedTask;

    /// <summary>SMS is on and the number it goes to was proved.</summary>
    public static bool IsUsable(ApplicationUser user) => user.SmsEnabled && user.PhoneNumberConfirmed && user.PhoneNumber is not null;

    /// <summary>Our codes are 6 digits; Twilio allows 4 to 10.</summary>
    public static bool IsCodeShaped(string code) => code.Length is >= 4 and <= 10 && code.All(char.IsAsciiDigit);
}
