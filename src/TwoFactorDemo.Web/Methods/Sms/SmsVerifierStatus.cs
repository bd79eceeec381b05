namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>What a provider said about a send or a check.</summary>
public enum SmsVerifierStatus
{
    Sent,
    Approved,
    WrongCode,
    Expired,
    TooManyChecks,
    TooManySends,
    InvalidNumber,
    Blocked,
    ProviderError,
}
