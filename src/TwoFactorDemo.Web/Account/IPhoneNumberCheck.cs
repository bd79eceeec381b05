namespace TwoFactorDemo.Web.Account;

/// <summary>
/// Checks a phone number typed at registration; implemented by the text-message method (Methods/Sms), which owns what
/// a usable number is, so registration names no method.
/// </summary>
public interface IPhoneNumberCheck
{
    /// <summary>The number in E.164, or the sentence explaining why it can't be used by <paramref name="userId"/>.</summary>
    Task<(string? PhoneNumber, string? Error)> CheckNewNumberAsync(string? userId, string? input);
}
