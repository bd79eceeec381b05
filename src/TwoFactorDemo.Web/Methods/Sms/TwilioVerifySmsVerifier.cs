using System.Globalization;
using System.Net.Http.Headers;
using System.Net;
using System.Text.Json;
using System.Text;
using Microsoft.Extensions.Options;

namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>
/// Twilio Verify v2 over a typed HttpClient (the SDK is not in our registry): Basic auth, form bodies, JSON
/// replies. Every documented error becomes the sentence the user should see; a timeout, 5xx or network
/// failure becomes a clear message and a logged error. Start is retried once on a failure that happened
/// before Twilio could have sent anything (network error or 5xx); Check is never retried, since each
/// check spends one of the code's five tries. The token is never logged.
/// </summary>
public sealed class TwilioVerifySmsVerifier(
    HttpClient http,
    IOptions<SmsOptions> options,
    ILogger<TwilioVerifySmsVerifier> logger) : ISmsVerifier
{
    private TwilioOptions Twilio => options.Value.Twilio;

    public async Task<SmsVerifierResult> StartAsync(string phoneNumber, SmsChannel channel, CancellationToken cancellationToken = default)
    {
        var form = new Dictionary<string, string> { ["To"] = phoneNumber, ["Channel"] = channel == SmsChannel.Call ? "call" : "sms" };
        var result = await SendAsync("Verifications", form, HttpStatusCode.Created, cancellationToken);
        if (result.Retry)
        {
            logger.LogWarning("Twilio Verify start failed ({Reason}); trying once more", result.Outcome.Status);
            result = await SendAsync("Verifications", form, HttpStatusCode.Created, cancellationToken);
        }
        return result.Outcome;
    }

    public async Task<SmsVerifierResult> CheckAsync(string phoneNumber, string code, CancellationToken cancellationToken = default)
    {
        var form = new Dictionary<string, string> { ["To"] = phoneNumber, ["Code"] = code };
        return (await SendAsync("VerificationCheck", form, HttpStatusCode.OK, cancellationToken)).Outcome;
    }

    private async Task<(SmsVerifierResult Outcome, bool Retry)> SendAsync(
        string resource, Dictionary<string, string> form, HttpStatusCode success, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v2/Services/{Uri.EscapeDataString(Twilio.VerifyServiceSid ?? "")}/{resource}")
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Twilio.AccountSid}:{Twilio.AuthToken}")));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Twilio.TimeoutSeconds));
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (response.StatusCode == success)
            {
                return (Success(resource, body), false);
            }
            if ((int)response.StatusCode >= 500)
            {
                logger.LogError("Twilio Verify {Resource} answered {Status}", resource, (int)response.StatusCode);
                return (SmsVerifierResult.ProviderError(), true);
            }
            return (Failure(resource, response.StatusCode, body), false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError("Twilio Verify {Resource} did not answer within {Seconds} s", resource, Twilio.TimeoutSeconds);
            return (SmsVerifierResult.ProviderError(), false);
        }
        catch (HttpRequestException ex)
        {
            logger.LogError("Twilio Verify {Resource} could not be reached: {Error}", resource, ex.Message);
            return (SmsVerifierResult.ProviderError(), true);
        }
        catch (JsonException)
        {
            logger.LogError("Twilio Verify {Resource} answered with a body that is not JSON", resource);
            return (SmsVerifierResult.ProviderError(), false);
        }
    }

    private static SmsVerifierResult Success(string resource, string body)
    {
        if (resource != "VerificationCheck")
        {
            return SmsVerifierResult.Sent();
        }
        // A wrong code is not an HTTP error: 200 with status "pending" and valid false.
        using var json = JsonDocument.Parse(body);
        var valid = json.RootElement.TryGetProperty("valid", out var v) && v.ValueKind == JsonValueKind.True;
        var status = json.RootElement.TryGetProperty("status", out var s) ? s.GetString() : null;
        return valid && status == "approved" ? SmsVerifierResult.Approved()
            : status is "expired" or "canceled" or "deleted" ? SmsVerifierResult.Expired()
            : status == "max_attempts_reached" ? SmsVerifierResult.TooManyChecks()
            : SmsVerifierResult.WrongCode();
    }

    private SmsVerifierResult Failure(string resource, HttpStatusCode httpStatus, string body)
    {
        var code = ErrorCode(body);
        switch (code)
        {
            case 60200:
                return SmsVerifierResult.InvalidNumber();
            case 60202:
                return SmsVerifierResult.TooManyChecks();
            case 60203:
                return SmsVerifierResult.TooManySends();
            case 20404:
                return SmsVerifierResult.Expired();
            case 60410 or 60605:
                logger.LogWarning("Twilio Verify {Resource} refused the destination (error {Code})", resource, code);
                return SmsVerifierResult.Blocked();
            case 20003:
                logger.LogError("Twilio Verify rejected our credentials (error 20003): check Sms:Twilio:AccountSid and Sms:Twilio:AuthToken");
                return SmsVerifierResult.ProviderError();
            default:
                logger.LogError("Twilio Verify {Resource} answered {Status} with error {Code}", resource, (int)httpStatus, code?.ToString(CultureInfo.InvariantCulture) ?? "(none)");
                return SmsVerifierResult.ProviderError();
        }
    }

    private static int? ErrorCode(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("code", out var code) && code.TryGetInt32(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
