namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>The code this session is waiting for: where it went, and when a new one may be asked for.</summary>
public sealed record PendingSms(string PhoneNumber, DateTimeOffset SentAt, DateTimeOffset NextSendAt);
