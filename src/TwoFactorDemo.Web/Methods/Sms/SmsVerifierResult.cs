namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>A provider's answer, with the sentence to show the user.</summary>
public sealed record SmsVerifierResult(SmsVerifierStatus Status, string UserMessage)
{
    public bool Succeeded => Status is SmsVerifierStatus.Sent or SmsVerifierStatus.Approved;

    public static SmsVerifierResult Sent() => new(SmsVerifierStatus.Sent, "We sent you a code.");
    public static SmsVerifierResult Approved() => new(SmsVerifierStatus.Approved, "Verified.");
    public static SmsVerifierResult WrongCode() => new(SmsVerifierStatus.WrongCode, "That code didn't work. Check the latest message and try again.");
    public static SmsVerifierResult Expired() => new(SmsVerifierStatus.Expired, "That code has expired. Request a new one.");
    public static SmsVerifierResult TooManyChecks() => new(SmsVerifierStatus.TooManyChecks, "Too many wrong codes. Request a new code in a few minutes.");
    public static SmsVerifierResult TooManySends() => new(SmsVerifierStatus.TooManySends, "Too many codes sent. Try again in 10 minutes.");
    public static SmsVerifierResult InvalidNumber() => new(SmsVerifierStatus.InvalidNumber, "That phone number is not valid.");
    public static SmsVerifierResult Blocked() => new(SmsVerifierStatus.Blocked, "We can't send codes to this number right now; use another method.");
    public static SmsVerifierResult ProviderError() => new(SmsVerifierStatus.ProviderError, "We couldn't reach the text-message service. Nothing was changed; please try again in a minute.");
}
