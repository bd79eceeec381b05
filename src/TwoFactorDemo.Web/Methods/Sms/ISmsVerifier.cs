namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>
/// Sends a code to a number and checks what the user typed, in Twilio Verify's shape: the provider owns the
/// code, the app only sees "sent", "approved" or why not.
/// </summary>
public interface ISmsVerifier
{
    Task<SmsVerifierResult> StartAsync(string phoneNumber, SmsChannel channel, CancellationToken cancellationToken = default);

    Task<SmsVerifierResult> CheckAsync(string phoneNumber, string code, CancellationToken cancellationToken = default);
}
