using TwoFactorDemo.Web.Localization;

namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>A provider's answer, with the sentence to show the user (a resource key: the caller localizes it).</summary>
public sealed record SmsVerifierResult(SmsVerifierStatus Status, string UserMessage)
{
    public bool Succeeded => Status is SmsVerifierStatus.Sent or SmsVerifierStatus.Approved;

    public static SmsVerifierResult Sent() => new(SmsVerifierStatus.Sent, TextKey.Of("We sent you a code."));
    public static SmsVerifierResult Approved() => new(SmsVerifierStatus.Approved, TextKey.Of("Verified."));
    public static SmsVerifierResult WrongCode() => new(SmsVerifierStatus.WrongCode, TextKey.Of("That code didn't work. Check the latest message and try again."));
    public static SmsVerifierResult Expired() => new(SmsVerifierStatus.Expired, TextKey.Of("That code has expired. Request a new one."));
    public static SmsVerifierResult TooManyChecks() => new(SmsVerifierStatus.TooManyChecks, TextKey.Of("Too many wrong codes. Request a new code in a few minutes."));
    public static SmsVerifierResult TooManySends() => new(SmsVerifierStatus.TooManySends, TextKey.Of("Too many codes sent. Try again in 10 minutes."));
    public static SmsVerifierResult InvalidNumber() => new(SmsVerifierStatus.InvalidNumber, TextKey.Of("That phone number is not valid."));
    public static SmsVerifierResult Blocked() => new(SmsVerifierStatus.Blocked, TextKey.Of("We can't send codes to this number right now; use another method."));
    public static SmsVerifierResult ProviderError() => new(SmsVerifierStatus.ProviderError, TextKey.Of("We couldn't reach the text-message service. Nothing was changed; please try again in a minute."));
}
