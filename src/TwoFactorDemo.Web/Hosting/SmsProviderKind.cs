namespace TwoFactorDemo.Web.Hosting;

/// <summary>Who sends the codes: the local dev outbox, or Twilio Verify.</summary>
public enum SmsProviderKind
{
    Local,
    Twilio,
}
