using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TwoFactorDemo.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on 127.0.0.1 that speaks Twilio Verify v2 as documented: the two endpoints, their JSON,
/// a wrong code as 200 valid:false, 20404 after approval or expiry, 60202 after 5 wrong checks, and on
/// demand any documented error, a delay, or 503. It records every request it received.
/// </summary>
public sealed class FakeTwilioVerify : IAsyncDisposable
{
    public const string AccountSid = "AC00000000000000000000000000000001";
    public const string AuthToken = "fake-auth-token-never-logged";
    public const string ServiceSid = "VA00000000000000000000000000000001";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string Code, int Checks)> _pending = new();
    private readonly ConcurrentQueue<(int Status, int Code, string Message)> _failures = new();

    public FakeTwilioVerify()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v2/Services/{service}/Verifications", StartAsync);
        _app.MapPost("/v2/Services/{service}/VerificationCheck", CheckAsync);
        _app.StartAsync().GetAwaiter().GetResult();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>How long each request waits before answering.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When true, every request gets 503.</summary>
    public bool Unavailable { get; set; }

    /// <summary>Called when a check arrives, before it is answered: to look at the app while it waits for Twilio.</summary>
    public Action? OnCheck { get; set; }

    /// <summary>The code the fake "sent" to <paramref name="to"/>.</summary>
    public string CodeFor(string to) => _pending[to].Code;

    /// <summary>The next request fails with this documented error.</summary>
    public void FailNext(int httpStatus, int twilioCode, string message = "error") => _failures.Enqueue((httpStatus, twilioCode, message));

    /// <summary>The settings that point the app at this server.</summary>
    public Dictionary<string, string?> AppSettings(int timeoutSeconds = 5) => new()
    {
        ["Sms:Provider"] = "Twilio",
        ["Sms:Twilio:BaseUrl"] = BaseUrl,
        ["Sms:Twilio:AccountSid"] = AccountSid,
        ["Sms:Twilio:AuthToken"] = AuthToken,
        ["Sms:Twilio:VerifyServiceSid"] = ServiceSid,
        ["Sms:Twilio:TimeoutSeconds"] = timeoutSeconds.ToString(),
    };

    private async Task<IResult> StartAsync(HttpRequest request, string service)
    {
        var form = await RecordAsync(request);
        if (await InterruptAsync() is { } interrupted)
        {
            return interrupted;
        }
        var to = form.GetValueOrDefault("To") ?? "";
        if (!to.StartsWith('+') || form.GetValueOrDefault("Channel") is not ("sms" or "call"))
        {
            return Error(400, 60200, "Invalid parameter: To");
        }
        // Like Twilio: a second start inside the code's lifetime re-sends the same code.
        var code = _pending.TryGetValue(to, out var existing) ? existing.Code : RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
        _pending[to] = (code, existing.Checks);
        return Results.Json(Verification(service, to, form["Channel"], "pending", false), statusCode: 201);
    }

    private async Task<IResult> CheckAsync(HttpRequest request, string service)
    {
        var form = await RecordAsync(request);
        OnCheck?.Invoke();
        if (await InterruptAsync() is { } interrupted)
        {
            return interrupted;
        }
        var to = form.GetValueOrDefault("To") ?? "";
        if (!_pending.TryGetValue(to, out var pending))
        {
            return Error(404, 20404, "The requested resource was not found");
        }
        if (form.GetValueOrDefault("Code") == pending.Code)
        {
            _pending.TryRemove(to, out _);
            return Results.Json(Verification(service, to, "sms", "approved", true));
        }
        if (pending.Checks + 1 >= 5)
        {
            _pending.TryRemove(to, out _);
            return Error(429, 60202, "Max check attempts reached");
        }
        _pending[to] = pending with { Checks = pending.Checks + 1 };
        return Results.Json(Verification(service, to, "sms", "pending", false));
    }

    private async Task<Dictionary<string, string>> RecordAsync(HttpRequest request)
    {
        var form = (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
        Requests.Enqueue(new ReceivedRequest(request.Path, request.Headers.Authorization.ToString(), request.ContentType ?? "", form));
        return form;
    }

    private async Task<IResult?> InterruptAsync()
    {
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }
        if (Unavailable)
        {
            return Results.StatusCode(503);
        }
        return _failures.TryDequeue(out var failure) ? Error(failure.Status, failure.Code, failure.Message) : null;
    }

    private static IResult Error(int status, int code, string message) =>
        Results.Json(new { code, message, more_info = $"https://www.twilio.com/docs/errors/{code}", status }, statusCode: status);

    private static object Verification(string service, string to, string channel, string status, bool valid) => new
    {
        sid = "VE" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
        service_sid = service,
        account_sid = AccountSid,
        to,
        channel,
        status,
        valid,
        date_created = DateTime.UtcNow.ToString("O"),
        date_updated = DateTime.UtcNow.ToString("O"),
    };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
