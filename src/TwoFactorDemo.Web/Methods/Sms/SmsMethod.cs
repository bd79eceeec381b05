using System.Linq.Expressions;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;

namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>A code by text message (or call), offered only for a number the user proved (ASVS 2.7.1).</summary>
public sealed class SmsMethod(IStringLocalizer<SharedResource> T, SmsVerification sms) : ISecondFactorMethod
{
    public const string MethodName = "sms";

    public string Name => MethodName;
    public string DisplayName => T["Text message"];

    public string VerifiedPhrase => T["Verified with a text message"];
    public string Description => T["We text a 6-digit code to your verified phone (or call you with it)."];
    public int Order => 20;
    public bool EnrolmentOnUserRow => true;
    public bool IsPrimary => true;
    public bool IsPhishingResistant => false;
    public bool CountsForStepUp => true;
    public bool ChecksProofLocally => false; // Twilio Verify checks the code
    public string ChallengePath => "/TwoFactor/Sms";
    public string SetupPath => "/Security/Sms";
    public string DisabledEventKind => SecurityEventKinds.SmsDisabled;
    public string FormatMessage => T["The code is the 6 digits from the text message (spaces and dashes are fine)."];
    public Expression<Func<ApplicationUser, bool>> EnrolledFilter => u => u.SmsEnabled;

    public bool IsWellFormed(string normalizedProof) => IsCodeShaped(normalizedProof);

    /// <summary>Turned on, whatever the state of the number or the provider now: still the account's method.</summary>
    public Task<bool> IsEnrolledAsync(ApplicationUser user) => Task.FromResult(user.SmsEnabled);

    public Task<bool> IsAvailableAsync(ApplicationUser user) => Task.FromResult(IsUsable(user));

    /// <summary>The provider checks the code, only for the user's verified number and only in the session that asked for it.</summary>
    public async Task<ProofCheck> CheckAsync(ApplicationUser user, string proof)
    {
        var code = VerificationCode.Normalize(proof);
        if (!IsUsable(user) || !IsCodeShaped(code))
        {
            return ProofCheck.Refused(T["That code didn't work. Check the latest message and try again."]);
        }
        var result = await sms.CheckAsync(user.PhoneNumber!, SmsPurposes.SignIn, code);
        return result.Status switch
        {
            SmsVerifierStatus.Approved => ProofCheck.Accepted,
            SmsVerifierStatus.ProviderError => ProofCheck.Unchecked(T[result.UserMessage]), // an outage is not the user's failure
            _ => ProofCheck.Refused(T[result.UserMessage]),
        };
    }

    public Task<MethodDescription> DescribeAsync(ApplicationUser user) => Task.FromResult(
        (user.SmsEnabled, IsUsable(user)) switch
        {
            (true, true) => new MethodDescription(T["On: codes go to {0}", ContactMasks.Phone(user.PhoneNumber!)]),
            (true, false) => new MethodDescription(T["On, but the number is not confirmed"], T["confirm your number"], "/Security/Phone"),
            _ when user.PendingPhoneNumber is { } pending =>
                new MethodDescription(T["Not set up"], T["confirm {0}, the number you gave, to get codes by text message", pending], "/Security/Phone"),
            _ => new MethodDescription(T["Not set up"]),
        });

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
