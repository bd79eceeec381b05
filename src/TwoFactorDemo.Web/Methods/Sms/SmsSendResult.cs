namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>Whether a code went out, the sentence for the user, and when the next send is allowed.</summary>
public sealed record SmsSendResult(bool Sent, string Message, DateTimeOffset? NextSendAt = null);
