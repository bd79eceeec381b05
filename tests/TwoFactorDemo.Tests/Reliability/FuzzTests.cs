using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwoFactorDemo.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TwoFactorDemo.Tests.Reliability;

/// <summary>
/// Issue 17's fuzz: generated requests over every route the app maps (read from its endpoint data source, so a new
/// route is covered without editing this file), as an anonymous visitor, a password-step session, a verified user and
/// an admin: random, huge, unicode and null-byte values, malformed and duplicated keys, missing or bad antiforgery
/// tokens, JSON, multipart and binary bodies, odd content types and charsets, bit-flipped cookies, absurd headers.
/// Nothing may answer 5xx or show a stack trace or a secret, and requests that cannot change anything (no valid
/// antiforgery token) change nothing in the database. TFD_FUZZ_REQUESTS sets the count (default 10,000).
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : AppTest
{
    private static readonly string[] FieldNames =
    [
        "Email", "Password", "ConfirmPassword", "Code", "Pattern", "ReturnUrl", "returnUrl", "StepUp", "Send", "RememberBrowser",
        "PhoneNumber", "Name", "Credential", "Token", "token", "userId", "code", "q", "page", "from", "to", "kind", "id", "Key",
        "RecoveryCode", "Phrase", "Rename", "x[=1", "a]]", "[", "a[b][c", "Email[]", "__proto__",
    ];

    private static readonly string[] Values =
    [
        "", " ", "0", "-1", "99999999999999999999", "1e308", "NaN", "true", "null", "[]", "{}", "\0", "a\0b", "%00", "%",
        "'; DROP TABLE AspNetUsers; --", "<script>alert(1)</script>", "//evil.example", "https://evil.example", "javascript:alert(1)",
        "\u202e\u0000\ud83d\ude00", "Ω≈ç√∫", "\ud800", "9999-12-31", "0001-01-01", "2026-13-45", "../../etc/passwd", "\r\nX-Injected: 1",
        "{\"phrase\":null,\"events\":[null]}", "{\"phrase\":\"I am authenticated by the way I type\",\"events\":[{\"key\":null}]}",
        "123456", "000000", "AAAA-BBBB", "+14155550100", "nobody@example.test", "a@b", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-7", "application/x-www-form-urlencoded; charset=x-nope",
        "application/json", "application/octet-stream", "text/plain", "multipart/form-data; boundary=zz", "multipart/form-data",
        "application/x-www-form-urlencoded; charset=utf-16", "image/png", ";;;", "application/xml",
    ];

    [Fact]
    public async Task Generated_requests_over_every_route_never_answer_5xx_leak_a_stack_or_change_what_they_cannot()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("TFD_FUZZ_REQUESTS"), out var n) ? n : 10_000;
        var random = new Random(20261129);
        var routes = Routes();
        output.WriteLine($"{routes.Count} routes: {string.Join(", ", routes.Select(r => r.Method + " " + r.Template))}");
        Assert.True(routes.Count > 40, $"only {routes.Count} routes found");

        var (verified, user) = await Stories.RegisterWithTotpAsync();
        var passwordStep = App.NewBrowser();
        await Stories.LoginPasswordAsync(passwordStep, user);
        var (admin, _) = await Stories.AdminAsync();
        var identities = new (string Name, Browser Browser, string? Token)[]
        {
            ("anonymous", App.NewBrowser(), null), ("password-step", passwordStep, null), ("verified", verified, null), ("admin", admin, null),
        };
        for (var i = 0; i < identities.Length; i++)
        {
            var page = await identities[i].Browser.GetAsync(i == 0 ? "/Account/Login" : i == 1 ? "/TwoFactor/Totp" : "/Security");
            identities[i].Token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        }
        var secrets = new[] { user.Password, Convert.ToBase64String(user.TotpKey!), TestApp.AdminPassword };

        var statuses = new Dictionary<int, int>();
        var changing = 0;
        var failures = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var (name, browser, token) = identities[random.Next(identities.Length)];
            var route = routes[random.Next(routes.Count)];
            // Most requests carry no valid token: those must change nothing. About one in eight carries the real token.
            var withToken = token is not null && random.Next(8) == 0;
            changing += withToken ? 1 : 0;
            using var request = Build(random, route, withToken ? token : null);
            HttpResponseMessage response;
            try
            {
                response = await browser.Client.SendAsync(request);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException)
            {
                failures.Add($"{name} {route.Method} {request.RequestUri}: the server dropped the request ({ex.Message})");
                continue;
            }
            using (response)
            {
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (status >= 500)
                {
                    failures.Add($"{status} for {name} {route.Method} {request.RequestUri}");
                }
                if (body.Contains("   at ", StringComparison.Ordinal) && body.Contains("Exception", StringComparison.Ordinal))
                {
                    failures.Add($"stack trace for {name} {route.Method} {request.RequestUri}");
                }
                if (secrets.FirstOrDefault(s => body.Contains(s, StringComparison.Ordinal)) is { } secret)
                {
                    failures.Add($"a secret in the answer to {name} {route.Method} {request.RequestUri}");
                }
            }
        }
        output.WriteLine($"{count} requests ({changing} with a valid antiforgery token): " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(30)));
        Assert.DoesNotContain(App.Logs.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal));
    }

    // The run without any valid token: the database is exactly as it was (accounts, factors, sessions, mail).
    [Fact]
    public async Task Requests_without_a_valid_antiforgery_token_change_nothing()
    {
        var random = new Random(7);
        var routes = Routes().Where(r => r.Method != "GET").ToList();
        var (verified, _) = await Stories.RegisterWithTotpAsync();
        var anonymous = App.NewBrowser();
        var before = await SnapshotAsync();
        for (var i = 0; i < 2_000; i++)
        {
            var route = routes[random.Next(routes.Count)];
            using var request = Build(random, route, token: random.Next(2) == 0 ? null : "CfDJ8" + new string('A', 100));
            using var response = await (i % 2 == 0 ? anonymous : verified).Client.SendAsync(request);
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {route.Method} {request.RequestUri}");
        }
        Assert.Equal(before, await SnapshotAsync());
    }

    private List<AppRoute> Routes() => AppRoutes.Of(App.Services);

    private static HttpRequestMessage Build(Random random, AppRoute route, string? token)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(route.Template, @"\{\*{0,2}([^}:?=]+)[^}]*\}", m =>
            random.Next(3) switch
            {
                0 => random.Next(1, 100).ToString(),
                1 => Guid.NewGuid().ToString(),
                // The in-process test host refuses a NUL in a path before the app sees it (Kestrel answers 400): query only.
                _ => Uri.EscapeDataString(Pick(random, Values).Replace("\0", "").Replace("%00", "")),
            });
        var query = random.Next(3) == 0
            ? "?" + string.Join("&", Enumerable.Range(0, random.Next(1, 5)).Select(_ => $"{Uri.EscapeDataString(Pick(random, FieldNames))}={Uri.EscapeDataString(Pick(random, Values))}"))
            : "";
        var request = new HttpRequestMessage(new HttpMethod(route.Method), path + query);
        if (route.Method != "GET")
        {
            request.Content = Body(random, token);
        }
        switch (random.Next(10))
        {
            case 0:
                request.Headers.TryAddWithoutValidation("User-Agent", new string('U', random.Next(1, 9000)));
                break;
            case 1:
                request.Headers.TryAddWithoutValidation("Cookie", $"__Host-tfd.session={Convert.ToBase64String(RandomBytes(random, 200))}; tfd.session=%%%; .AspNetCore.Antiforgery.x={new string('z', 3000)}");
                break;
            case 2:
                request.Headers.TryAddWithoutValidation("X-Forwarded-For", Pick(random, Values));
                request.Headers.TryAddWithoutValidation("X-Forwarded-Host", "evil.example");
                break;
            case 3:
                request.Headers.TryAddWithoutValidation("Accept-Language", Pick(random, Values) + ";q=abc,*;q=9");
                request.Headers.TryAddWithoutValidation("Referer", Pick(random, Values));
                break;
            case 4:
                request.Headers.TryAddWithoutValidation("Accept", "application/json, */*;q=nope");
                break;
        }
        return request;
    }

    private static ByteArrayContent Body(Random random, string? token)
    {
        var fields = Enumerable.Range(0, random.Next(0, 6)).Select(_ => (Pick(random, FieldNames), Pick(random, Values))).ToList();
        if (random.Next(2) == 0 && fields.Count > 0)
        {
            fields.Add(fields[0]); // a duplicated field
        }
        if (token is not null)
        {
            fields.Add(("__RequestVerificationToken", token));
        }
        else if (random.Next(2) == 0)
        {
            fields.Add(("__RequestVerificationToken", Pick(random, Values)));
        }
        if (random.Next(12) == 0)
        {
            fields.Add(("Pattern", new string('P', 200_000))); // a huge field
        }
        var type = random.Next(3) == 0 ? Pick(random, ContentTypes) : "application/x-www-form-urlencoded";
        byte[] bytes = random.Next(6) switch
        {
            0 => RandomBytes(random, random.Next(1, 5000)),
            1 => Encoding.UTF8.GetBytes("{\"Email\":" + (random.Next(2) == 0 ? "null" : "[1,2,{\"a\":") + "}"),
            _ => Encoding.UTF8.GetBytes(string.Join("&", fields.Select(f =>
                (random.Next(5) == 0 ? f.Item1 : Uri.EscapeDataString(f.Item1)) + "=" + (random.Next(5) == 0 ? f.Item2 : Uri.EscapeDataString(f.Item2))))),
        };
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", type);
        return content;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    // What a request without a valid token must never change: accounts and their factors, sessions, codes, mail, links.
    private Task<string> SnapshotAsync() => App.WithDbAsync(async db =>
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Id)
            .Select(u => $"{u.Id}|{u.Email}|{u.PasswordHash}|{u.SecurityStamp}|{u.EmailConfirmed}|{u.PhoneNumber}|{u.AccessFailedCount}|{u.LockoutEnd}|{u.EmailLinkEnabled}|{u.SmsEnabled}")
            .ToListAsync();
        var sessions = await db.UserSessions.AsNoTracking().OrderBy(s => s.Key).Select(s => s.Key).ToListAsync();
        var outbox = await db.Set<TwoFactorDemo.Web.Outbox.OutboxMessage>().CountAsync();
        var links = await db.Set<MagicLink>().CountAsync();
        var codes = await db.Set<RecoveryCode>().AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id + (c.UsedAt == null ? "" : "used")).ToListAsync();
        return string.Join("\n", users) + "\n" + string.Join(",", sessions) + $"\noutbox {outbox} links {links}\n" + string.Join(",", codes);
    });
}
