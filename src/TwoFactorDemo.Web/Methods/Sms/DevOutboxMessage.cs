namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>A text or call the local provider "sent".</summary>
public sealed record DevOutboxMessage(DateTimeOffset At, string To, SmsChannel Channel, string Body);
