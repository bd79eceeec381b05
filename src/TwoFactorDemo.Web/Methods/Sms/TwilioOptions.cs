namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>The <c>Sms:Twilio</c> section; required when <c>Sms:Provider</c> is <c>Twilio</c>.</summary>
public class TwilioOptions
{
    public string? AccountSid { get; set; }
    public string? AuthToken { get; set; }
    public string? VerifyServiceSid { get; set; }
    public string BaseUrl { get; set; } = "https://verify.twilio.com";

    /// <summary>How long one request to Twilio may take before the user is told to try again.</summary>
    public int TimeoutSeconds { get; set; } = 5;
}
