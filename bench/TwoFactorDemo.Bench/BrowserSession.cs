using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace TwoFactorDemo.Bench;

/// <summary>
/// One virtual user: its own cookie jar over a shared connection pool, no automatic redirects (every step is
/// one request, timed on its own), and the antiforgery token of the last page it read.
/// </summary>
public sealed partial class BrowserSession(HttpClient http, StepRecorder recorder)
{
    private readonly CookieContainer _cookies = new();

    /// <summary>Where this session's request times go; a session prepared in one phase may be timed in another.</summary>
    public StepRecorder Recorder { get; set; } = recorder;

    public string? FormToken { get; private set; }

    /// <summary>The body of the last answer (the passkey options JSON, say).</summary>
    public string LastBody { get; private set; } = "";

    /// <summary>The Cookie header this session would send: for a load test that replays a signed-in session.</summary>
    public string CookieHeader => _cookies.GetCookieHeader(http.BaseAddress!);

    /// <summary>GETs <paramref name="path"/> and expects <paramref name="expected"/>; keeps the page's form token; returns the redirect target, if any.</summary>
    public Task<string?> GetAsync(string step, string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        SendAsync(step, new HttpRequestMessage(HttpMethod.Get, path), expected);

    /// <summary>POSTs a form with the last page's antiforgery token; returns where the answer redirects to.</summary>
    public Task<string?> PostFormAsync(string step, string path, IEnumerable<KeyValuePair<string, string>> fields,
        HttpStatusCode expected = HttpStatusCode.Found)
    {
        var token = FormToken ?? throw new BenchException($"{step}: no antiforgery token on the previous page");
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return SendAsync(step, new HttpRequestMessage(HttpMethod.Post, path) { Content = content }, expected);
    }

    private async Task<string?> SendAsync(string step, HttpRequestMessage request, HttpStatusCode expected)
    {
        using var _ = request;
        var cookie = _cookies.GetCookieHeader(http.BaseAddress!);
        if (cookie.Length > 0)
        {
            request.Headers.Add("Cookie", cookie);
        }
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Recorder.Record(step, Stopwatch.GetElapsedTime(started));
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                _cookies.SetCookies(http.BaseAddress!, setCookie);
            }
        }
        if (response.StatusCode != expected)
        {
            throw new BenchException($"{step}: {request.Method} {request.RequestUri} answered {(int)response.StatusCode} "
                + $"{response.Headers.Location}, expected {(int)expected}");
        }
        LastBody = body;
        if (response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            // A page sets the form token (or clears it); a JSON answer (passkey options) leaves the page's token in place.
            var token = TokenPattern().Match(body);
            FormToken = token.Success ? token.Groups.Values.Skip(1).First(g => g.Success).Value : null;
        }
        return response.Headers.Location?.OriginalString;
    }

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)"|value="([^"]+)" name="__RequestVerificationToken"|name="__RequestVerificationToken"[^>]*value="([^"]+)" """)]
    private static partial Regex TokenPattern();
}
