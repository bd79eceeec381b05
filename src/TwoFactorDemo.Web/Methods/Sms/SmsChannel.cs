namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>How the code travels: a text message, or a voice call reading it out.</summary>
public enum SmsChannel
{
    Sms,
    Call,
}
