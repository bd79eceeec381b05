using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Tests.Pages;
using TwoFactorDemo.Web.Account;

namespace TwoFactorDemo.Tests.Integration;

public class HardeningTests : AppTest
{
    // Known attack 6: an open redirect through ReturnUrl stays on this site, at every step.
    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task Attack6_open_redirect_is_refused(string returnUrl)
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var browser = App.NewBrowser();

        var afterPassword = await Stories.LoginPasswordAsync(browser, user, returnUrl);
        Assert.Equal("/TwoFactor?ReturnUrl=%2F", afterPassword.Location);

        var challenge = await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Totp?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var afterCode = await challenge.SubmitAsync(Stories.NextCode(user));
        Assert.Equal("/", afterCode.Location);
        Assert.Equal("/", (await browser.GetAsync("/TwoFactor?ReturnUrl=" + Uri.EscapeDataString(returnUrl))).Location);
    }

    // Known attack 8: the code never appears in a response or a log line.
    [Fact]
    public async Task Attack8_codes_neverAppear_in_responses_or_logs()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var browser = App.NewBrowser();
        await Stories.LoginPasswordAsync(browser, user);
        var right = Stories.NextCode(user);
        var wrong = ((int.Parse(right) + 500_000) % 1_000_000).ToString("D6");

        var failed = await (await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Totp")).SubmitAsync(wrong);
        var inputs = failed.Document.QuerySelectorAll("input").Select(i => i.GetAttribute("value") ?? "");
        Assert.DoesNotContain(wrong, failed.Text);
        Assert.DoesNotContain(inputs, v => v.Contains(wrong));
        var passed = await (await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Totp")).SubmitAsync(right);
        Assert.True(passed.IsRedirect);
        Assert.DoesNotContain(right, passed.Location);

        var recoveryCode = user.RecoveryCodes[0];
        var other = App.NewBrowser();
        await Stories.LoginPasswordAsync(other, user);
        await (await CodeChallengePage.OpenAsync(other, "/TwoFactor/Recovery")).SubmitAsync(recoveryCode);

        Assert.NotEmpty(App.Logs.Lines);
        Assert.DoesNotContain(App.Logs.Lines, l => l.Contains(wrong) || l.Contains(right));
        Assert.DoesNotContain(App.Logs.Lines, l => l.Contains(recoveryCode) || l.Contains(recoveryCode.Replace("-", "")));
    }

    // Known attack 9: login answers the same for an unknown email and a wrong password, in about the same time.
    [Fact]
    public async Task Attack9_login_does_not_reveal_which_emails_exist()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var browser = App.NewBrowser();
        await (await LoginPage.OpenAsync(browser)).SubmitAsync("warm-up@example.test", "x");

        var unknownTimes = new List<double>();
        var wrongTimes = new List<double>();
        Page unknown = null!, wrong = null!;
        for (var i = 0; i < 4; i++)
        {
            var form = await LoginPage.OpenAsync(browser);
            var stopwatch = Stopwatch.StartNew();
            unknown = await form.SubmitAsync($"nobody{i}@example.test", "some password");
            unknownTimes.Add(stopwatch.Elapsed.TotalMilliseconds);
            form = await LoginPage.OpenAsync(browser);
            stopwatch.Restart();
            wrong = await form.SubmitAsync(user.Email, "wrong password " + i);
            wrongTimes.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        Assert.Equal(wrong.Status, unknown.Status);
        Assert.Equal(wrong.TextOf("[role=alert]"), unknown.TextOf("[role=alert]"));
        Assert.Contains(AccountController.LoginFailedMessage, unknown.Text);
        // Both paths verify a PBKDF2 hash; without the dummy hash the unknown path would be many times faster.
        var ratio = Median(unknownTimes) / Median(wrongTimes);
        Assert.True(ratio > 0.5, $"unknown-email login took {ratio:P0} of a wrong-password login");
    }

    // Known attack 12: every POST needs the antiforgery token; without it nothing changes.
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Register")]
    [InlineData("/Account/Logout")]
    [InlineData("/TwoFactor/Totp")]
    [InlineData("/TwoFactor/Recovery")]
    [InlineData("/Security/SignOutOtherSessions")]
    [InlineData("/Security/ForgetBrowser")]
    [InlineData("/Security/RecoveryCodes")]
    public async Task Attack12_posts_without_the_antiforgery_token_are_refused(string url)
    {
        var (browser, user) = await Stories.RegisterWithTotpAsync();
        var sessionsBefore = await App.WithDbAsync(db => db.UserSessions.CountAsync());
        var codesBefore = await App.WithDbAsync(db => db.Set<RecoveryCode>().Select(c => c.CodeHash).OrderBy(h => h).ToListAsync());

        var result = await browser.PostAsync(url,
        [
            new("Email", "csrf@example.test"), new("Password", "csrf password long"), new("ConfirmPassword", "csrf password long"),
            new("Code", Stories.NextCode(user)),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.True(result.Text.Contains("That request could not be used"), result.Html);
        Assert.Equal(sessionsBefore, await App.WithDbAsync(db => db.UserSessions.CountAsync()));
        Assert.Equal(codesBefore, await App.WithDbAsync(db => db.Set<RecoveryCode>().Select(c => c.CodeHash).OrderBy(h => h).ToListAsync()));
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "csrf@example.test")));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Home/Protected")).Status);
    }

    [Fact]
    public async Task Pages_carry_the_security_headers_and_cookies_their_flags()
    {
        var (browser, user) = await Stories.RegisterAsync();
        var login = await App.NewBrowser().GetAsync("/Account/Login");

        var headers = login.Response.Headers;
        Assert.Contains("default-src 'self'", headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", headers.CacheControl!.ToString());
        Assert.DoesNotContain("<script>", login.Html.Replace("<script src=", ""));

        var fresh = App.NewBrowser();
        var signIn = await (await LoginPage.OpenAsync(fresh)).SubmitAsync(user.Email, user.Password);
        var cookie = signIn.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tfd.session="));
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.Contains("secure", cookie);
    }

    [Fact]
    public async Task Healthz_says_the_process_answers_and_readyz_that_the_database_and_outbox_work()
    {
        var browser = App.NewBrowser();
        Assert.Equal("Healthy", (await browser.GetAsync("/healthz")).Html);
        var ready = await browser.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal("Healthy", ready.Html);
    }

    [Fact]
    public async Task Unknown_pages_get_a_friendly_404()
    {
        var page = await App.NewBrowser().GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Page not found", page.Text);
    }

    public static TheoryData<string, string> BadInputs => new()
    {
        { "empty", "" },
        { "10 kB", Uri.EscapeDataString(new string('9', 10 * 1024)) },
        { "non-UTF-8 bytes", "%FF%FE%C3%28" },
        { "SQL", Uri.EscapeDataString("' OR 1=1; DROP TABLE AspNetUsers; --") },
        { "script", Uri.EscapeDataString("<script>alert(1)</script>") },
        { "control characters", "%00%01%1B" },
    };

    // SECURITY.md "Bad input": a 4xx or the form again with a message; never a 500, a stack trace or a changed record.
    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_on_the_login_and_register_forms_changes_nothing(string kind, string encoded)
    {
        var browser = App.NewBrowser();
        var usersBefore = await App.WithDbAsync(db => db.Users.CountAsync());

        var login = await PostEncodedAsync(browser, "/Account/Login", $"Email={encoded}&Password={encoded}&ReturnUrl={encoded}");
        var register = await PostEncodedAsync(browser, "/Account/Register", $"Email={encoded}&Password={encoded}&ConfirmPassword={encoded}");

        AssertHandled(kind, login);
        AssertHandled(kind, register);
        Assert.Null(login.SetCookie("tfd.session"));
        Assert.Equal(usersBefore, await App.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_on_the_code_forms_changes_nothing(string kind, string encoded)
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var browser = App.NewBrowser();
        await Stories.LoginPasswordAsync(browser, user);

        var totp = await PostEncodedAsync(browser, "/TwoFactor/Totp", $"Code={encoded}&RememberBrowser={encoded}&ReturnUrl={encoded}&StepUp={encoded}");
        var recovery = await PostEncodedAsync(browser, "/TwoFactor/Recovery", $"Code={encoded}&RememberBrowser=maybe");

        AssertHandled(kind, totp);
        AssertHandled(kind, recovery);
        Assert.StartsWith("/TwoFactor", (await browser.GetAsync("/Home/Protected")).Location);
        Assert.Equal(10, await App.WithDbAsync(db => db.Set<RecoveryCode>().CountAsync(c => c.UsedAt == null)));
        Assert.Equal(0, (await App.UserAsync(user.Email)).AccessFailedCount);
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_on_the_totp_setup_form_changes_nothing(string kind, string encoded)
    {
        var (browser, user) = await Stories.RegisterAsync();
        await browser.GetAsync("/Security/Totp");

        var setup = await PostEncodedAsync(browser, "/Security/Totp", $"Code={encoded}");

        AssertHandled(kind, setup);
        Assert.Null((await App.UserAsync(user.Email)).TotpSecret);
    }

    [Theory]
    [InlineData("/TwoFactor?ReturnUrl=%FF%FE&StepUp=banana")]
    [InlineData("/TwoFactor/Totp?StepUp=1e9&ReturnUrl=%3Cscript%3E")]
    [InlineData("/Account/Login?ReturnUrl=%00")]
    [InlineData("/Home/Status/abc")]
    public async Task Bad_query_strings_are_handled(string url)
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var browser = App.NewBrowser();
        await Stories.LoginPasswordAsync(browser, user);

        var page = await browser.GetAsync(url);

        AssertHandled(url, page);
        Assert.DoesNotContain("<script>", page.Html.Replace("<script src=", ""));
    }

    // Sends a form body as given (so invalid UTF-8 reaches the server), with this page's antiforgery token.
    // Issue 17: "curl -X POST --data 'x[=1' /Account/Login returns 500" (MVC's jQuery key normaliser), with and without a token.
    [Theory]
    [InlineData("/Account/Login", false)]
    [InlineData("/Account/Register", false)]
    [InlineData("/Account/Login", true)]
    [InlineData("/Account/Register", true)]
    [InlineData("/Security/SignOutOtherSessions", true)]
    public async Task Malformed_form_keys_never_answer_500(string url, bool withToken)
    {
        var (browser, _) = await Stories.RegisterWithTotpAsync();
        var formPage = url == "/Security/SignOutOtherSessions" ? "/Security" : url;
        var token = withToken ? (await browser.GetAsync(formPage)).Attr("input[name=__RequestVerificationToken]", "value") : null;
        var body = (token is null ? "" : $"__RequestVerificationToken={Uri.EscapeDataString(token)}&") + "x[=1&y]]=2&[=3";
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");

        var answer = await browser.PostAsync(url, content);

        Assert.True((int)answer.Status < 500, $"{url}: {answer.Status}");
        Assert.DoesNotContain(App.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
    }

    // Issue 17: "a form posted with charset=utf-7 (Support for UTF-7 is disabled)" was a 500.
    [Fact]
    public async Task A_form_in_an_unreadable_charset_gets_415()
    {
        var browser = App.NewBrowser();
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes("Email=a%40b.c&Password=x"));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded; charset=utf-7");

        var answer = await browser.PostAsync("/Account/Login", content);

        Assert.Equal(System.Net.HttpStatusCode.UnsupportedMediaType, answer.Status);
        Assert.Contains("UTF-8", answer.Text);
    }

    // Issue 17: "/Admin/Audit?to=9999-12-31 (the date overflows when a day is added)".
    [Theory]
    [InlineData("/Admin/Audit?to=9999-12-31")]
    [InlineData("/Admin/Audit?from=0001-01-01&to=9999-12-31")]
    [InlineData("/Admin/Audit/Export?to=9999-12-31")]
    public async Task Far_dates_in_the_audit_filter_are_no_500(string url)
    {
        var (admin, _) = await Stories.AdminAsync();

        var answer = await admin.GetAsync(url);

        Assert.Equal(System.Net.HttpStatusCode.OK, answer.Status);
    }

    // Issue 17: "sending an SMS code from a session that has just been ended (foreign-key failure on the send record)".
    [Fact]
    public async Task Sending_a_code_from_a_session_that_just_ended_says_so()
    {
        var (_, user) = await Stories.RegisterWithSmsAsync();
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var browser = App.NewBrowser();
        await Stories.LoginPasswordAsync(browser, user);
        var page = await SmsChallengePage.OpenAsync(browser);
        // Ended behind the validity cache's back, as another instance or a direct revocation would.
        await App.WithDbAsync(db => db.UserSessions.ExecuteDeleteAsync());

        var sent = await page.SendAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, sent.Page.Status);
        Assert.Contains("Your session has ended", sent.Page.Text);
    }

    private static async Task<Page> PostEncodedAsync(Browser browser, string url, string body)
    {
        var form = await browser.GetAsync(url.Split('?')[0] is "/Security/Totp" ? "/Security/Totp" : url);
        var token = form.Attr("input[name=__RequestVerificationToken]", "value") ?? (await browser.GetAsync("/Account/Login")).Attr("input[name=__RequestVerificationToken]", "value");
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes($"__RequestVerificationToken={Uri.EscapeDataString(token!)}&{body}"));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        return await browser.PostAsync(url, content);
    }

    private static void AssertHandled(string kind, Page page)
    {
        Assert.True((int)page.Status is >= 200 and < 500, $"{kind}: {page.Status} {page.Html}");
        Assert.DoesNotContain("Exception", page.Html);
        Assert.DoesNotContain("   at ", page.Html);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[sorted.Count / 2] + sorted[(sorted.Count - 1) / 2]) / 2;
    }

    // Issue 13 finding 13: "a local ReturnUrl containing U+2028 causes a 500 when the Location header is written".
    [Theory]
    [InlineData("%2FHome%2FProtected%E2%80%A8x")]
    [InlineData("%2FHome%2FProtected%0D%0ASet-Cookie%3A%20x%3D1")]
    [InlineData("%2F%C3%A9t%C3%A9")]
    public async Task Finding13_a_return_url_a_header_cannot_carry_goes_home(string returnUrl)
    {
        var (browser, user) = await Stories.RegisterWithTotpAsync();

        var verified = await browser.GetAsync("/TwoFactor?ReturnUrl=" + returnUrl);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, verified.Status);
        Assert.Equal("/", verified.Location);

        var (_, signedIn) = await Stories.LoginWithTotpAsync(user, returnUrl: Uri.UnescapeDataString(returnUrl));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/", signedIn.Location);
    }
}
