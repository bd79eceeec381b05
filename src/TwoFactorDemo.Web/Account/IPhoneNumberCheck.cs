namespace TwoFactorDemo.Web.Account;

/// <summary>
/// Checks a phone number typed at registration; implemented by the text-message method (Methods/Sms), which owns what
/// a usable number is, so registration names no method.
/// </summary>
public interface IPhoneNumberCheck
{
    /// <summary>The number in E.164, or the sentence explaining why it is not a usable number (never whether another account has it).</summary>
    (string? PhoneNumber, string? Error) CheckNumber(string? input);
}
