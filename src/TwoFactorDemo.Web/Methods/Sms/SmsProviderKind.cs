namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>Who sends the codes: the local dev outbox, or Twilio Verify.</summary>
public enum SmsProviderKind
{
    Local,
    Twilio,
}
