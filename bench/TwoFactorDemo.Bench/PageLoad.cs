using System.Diagnostics;
using System.Net;

namespace TwoFactorDemo.Bench;

/// <summary>A signed-in session's cookie replayed on one page from many connections at once, as wrk would.</summary>
public static class PageLoad
{
    public static Task<LoadResult> RunAsync(HttpClient http, string path, string cookieHeader, int connections, TimeSpan duration) =>
        LoadRunner.ForDurationAsync($"GET {path}", connections, duration, async (recorder, cancellation) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", cookieHeader);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellation);
            recorder.Record($"GET {path}", Stopwatch.GetElapsedTime(started));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new BenchException($"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}");
            }
        });
}
