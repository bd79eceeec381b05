namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>What a phone set-up step did, the sentence for the user, and recovery codes when SMS became the first method.</summary>
public sealed record PhoneSetupResult(bool Succeeded, string Message, IReadOnlyList<string>? NewRecoveryCodes = null, bool RateLimited = false);
