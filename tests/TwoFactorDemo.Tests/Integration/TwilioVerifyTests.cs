using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Tests.Pages;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Tests.Integration;

/// <summary>The Twilio Verify client against a fake Verify server on 127.0.0.1 that speaks the documented wire format.</summary>
public sealed class TwilioVerifyTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private readonly FakeTwilioVerify _twilio = new();
    private TestApp _app = null!;
    private UserStories _stories = null!;

    public Task InitializeAsync()
    {
        _app = new TestApp(_twilio.AppSettings(timeoutSeconds: 1));
        _stories = new UserStories(_app);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _twilio.DisposeAsync();
    }

    [Fact]
    public async Task Register_verify_and_sign_in_speak_verify_v2_exactly()
    {
        var (_, user) = await RegisterWithPhoneAsync();

        var start = _twilio.Requests.First();
        Assert.Equal($"/v2/Services/{FakeTwilioVerify.ServiceSid}/Verifications", start.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeTwilioVerify.AccountSid}:{FakeTwilioVerify.AuthToken}")), start.Authorization);
        Assert.StartsWith("application/x-www-form-urlencoded", start.ContentType);
        Assert.Equal(new Dictionary<string, string> { ["To"] = user.Phone!, ["Channel"] = "sms" }, start.Form);
        var check = _twilio.Requests.Last();
        Assert.Equal($"/v2/Services/{FakeTwilioVerify.ServiceSid}/VerificationCheck", check.Path);
        Assert.Equal(start.Authorization, check.Authorization);
        Assert.Equal(user.Phone, check.Form["To"]);
        Assert.Matches("^[0-9]{6}$", check.Form["Code"]);
        Assert.True((await _app.UserAsync(user.Email)).SmsEnabled);

        var browser = _app.NewBrowser();
        await _stories.LoginPasswordAsync(browser, user, "/Home/Protected");
        var sent = await (await SmsChallengePage.OpenAsync(browser, "?ReturnUrl=%2FHome%2FProtected")).SendAsync("call");
        Assert.Equal("call", _twilio.Requests.Last().Form["Channel"]);
        Assert.Contains("We're calling", sent.Page.TextOf("#send-message"));
        var result = await sent.SubmitCodeAsync(_twilio.CodeFor(user.Phone!));
        Assert.Equal("/Home/Protected", result.Location);
        Assert.DoesNotContain(_app.Logs.Lines, l => l.Contains(FakeTwilioVerify.AuthToken));
    }

    [Fact]
    public async Task The_database_is_free_for_other_writers_while_twilio_checks_a_code()
    {
        var (_, user) = await RegisterWithPhoneAsync();
        var browser = _app.NewBrowser();
        await _stories.LoginPasswordAsync(browser, user, "/Home/Protected");
        var sent = await (await SmsChallengePage.OpenAsync(browser, "?ReturnUrl=%2FHome%2FProtected")).SendAsync("sms");
        var gate = _app.Services.GetRequiredService<SqliteWriteGate>();
        bool? freeDuringCheck = null;
        _twilio.OnCheck = () => freeDuringCheck = gate.IsFree;

        var result = await sent.SubmitCodeAsync(_twilio.CodeFor(user.Phone!));

        Assert.Equal("/Home/Protected", result.Location);
        // A sign-in's writes are one commit holding SQLite's write lock; a call to another service is not made inside it.
        Assert.True(freeDuringCheck);
    }

    [Fact]
    public async Task A_wrong_code_is_a_200_with_valid_false_and_counts_toward_lockout()
    {
        var (_, user) = await RegisterWithPhoneAsync();
        var browser = _app.NewBrowser();
        await _stories.LoginPasswordAsync(browser, user);
        var sent = await (await SmsChallengePage.OpenAsync(browser)).SendAsync();
        var wrong = ((int.Parse(_twilio.CodeFor(user.Phone!)) + 1) % 1_000_000).ToString("D6");

        var result = await sent.SubmitCodeAsync(wrong);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("That code didn't work. Check the latest message and try again.", result.Text);
        Assert.Equal(1, (await _app.UserAsync(user.Email)).AccessFailedCount);
    }

    [Theory]
    [InlineData(400, 60200, "That phone number is not valid.")]
    [InlineData(429, 60203, "Too many codes sent. Try again in 10 minutes.")]
    [InlineData(403, 60410, "We can't send codes to this number right now; use another method.")]
    [InlineData(403, 60605, "We can't send codes to this number right now; use another method.")]
    [InlineData(401, 20003, "We couldn't reach the text-message service.")]
    public async Task Start_errors_become_the_documented_messages(int httpStatus, int twilioCode, string message)
    {
        var (_, user) = await RegisterWithPhoneAsync();
        var browser = _app.NewBrowser();
        await _stories.LoginPasswordAsync(browser, user);
        _twilio.FailNext(httpStatus, twilioCode);

        var refused = await (await SmsChallengePage.OpenAsync(browser)).SendAsync();

        Assert.Contains(message, refused.Page.TextOf("#send-message"));
        Assert.True(refused.Page.Status is HttpStatusCode.OK);
        Assert.Equal(1, await _app.WithDbAsync(db => db.SecurityEvents.CountAsync(e => e.Kind == SecurityEventKinds.SmsProviderError)));
        if (twilioCode == 20003)
        {
            Assert.Contains(_app.Logs.Lines, l => l.Contains("20003") && l.Contains("Sms:Twilio:AuthToken"));
        }
    }

    [Theory]
    [InlineData(429, 60202, "Too many wrong codes. Request a new code in a few minutes.")]
    [InlineData(404, 20404, "That code has expired. Request a new one.")]
    public async Task Check_errors_become_the_documented_messages(int httpStatus, int twilioCode, string message)
    {
        var (_, user) = await RegisterWithPhoneAsync();
        var browser = _app.NewBrowser();
        await _stories.LoginPasswordAsync(browser, user);
        var sent = await (await SmsChallengePage.OpenAsync(browser)).SendAsync();
        _twilio.FailNext(httpStatus, twilioCode);

        var result = await sent.SubmitCodeAsync(_twilio.CodeFor(user.Phone!));

        Assert.Contains(message, result.Text);
        Assert.StartsWith("/TwoFactor", (await browser.GetAsync("/Home/Protected")).Location);
    }

    [Fact]
    public async Task A_503_is_retried_once_for_start_then_shown_as_a_clear_message()
    {
        var (_, user) = await RegisterWithPhoneAsync();
        var browser = _app.NewBrowser();
        await _stories.LoginPasswordAsync(browser, user);
        var before = _twilio.Requests.Count;
        _twilio.Unavailable = true;

        var refused = await (await SmsChallengePage.OpenAsync(browser)).SendAsync();

        Assert.Equal(HttpStatusCode.OK, refused.Page.Status);
        Assert.Contains("We couldn't reach the text-message service", refused.Page.TextOf("#send-message"));
        Assert.Equal(2, _twilio.Requests.Count - before);
        Assert.Contains(_app.Logs.Lines, l => l.StartsWith("Error") && l.Contains("503"));
    }

    [Fact]
    public async Task A_503_on_check_is_not_retried()
    {
        var (_, user) = await RegisterWithPhoneAsync();
        var browser = _app.NewBrowser();
        await _stories.LoginPasswordAsync(browser, user);
        var sent = await (await SmsChallengePage.OpenAsync(browser)).SendAsync();
        var before = _twilio.Requests.Count;
        _twilio.Unavailable = true;

        var result = await sent.SubmitCodeAsync(_twilio.CodeFor(user.Phone!));

        Assert.Contains("We couldn't reach the text-message service", result.Text);
        Assert.Equal(1, _twilio.Requests.Count - before);
    }

    // Issue 17: an outage is not the user's failure. Checks during it are not counted toward lockout and spend nothing;
    // when the service is back, the same code still works.
    [Fact]
    public async Task Issue17_checks_during_an_outage_do_not_count_toward_lockout_and_the_code_works_after()
    {
        var (_, user) = await RegisterWithPhoneAsync();
        var browser = _app.NewBrowser();
        await _stories.LoginPasswordAsync(browser, user);
        var sent = await (await SmsChallengePage.OpenAsync(browser)).SendAsync();
        var code = _twilio.CodeFor(user.Phone!);
        _twilio.Unavailable = true;
        for (var i = 0; i < 6; i++)
        {
            Assert.Contains("We couldn't reach the text-message service", (await sent.SubmitCodeAsync(code)).Text);
        }
        Assert.Equal(0, (await _app.UserAsync(user.Email)).AccessFailedCount);
        Assert.Null((await _app.UserAsync(user.Email)).LockoutEnd);

        _twilio.Unavailable = false;
        var verified = await (await SmsChallengePage.OpenAsync(browser)).SubmitCodeAsync(code);
        Assert.True(verified.IsRedirect, verified.Text);
    }

    // Issue 17: nothing listening where Twilio should be (connection refused) is a clear message, never a 500.
    [Fact]
    public async Task Issue17_a_refused_connection_to_the_provider_is_a_clear_message()
    {
        var settings = _twilio.AppSettings(timeoutSeconds: 2);
        settings["Sms:Twilio:BaseUrl"] = $"http://127.0.0.1:{SmtpSink.FreePort()}";
        using var app = new TestApp(settings);
        var browser = app.NewBrowser();
        var user = UserStories.NewUser();
        await new UserStories(app).RegisterAndSignInAsync(browser, user);

        var refused = await (await PhonePage.OpenAsync(browser)).StartAsync(UserStories.NewPhone());

        Assert.True((int)refused.Page.Status < 500, refused.Page.Status.ToString());
        Assert.Contains("We couldn't reach the text-message service", refused.Page.Text);
        Assert.False((await app.UserAsync(user.Email)).PhoneNumberConfirmed);
    }

    // The client's timeout (1 s here) bounds a slow provider: the user waits about that long, then gets a message.
    [Fact]
    public async Task A_slow_provider_times_out_with_a_clear_message()
    {
        var (_, user) = await RegisterWithPhoneAsync();
        var browser = _app.NewBrowser();
        await _stories.LoginPasswordAsync(browser, user);
        var page = await SmsChallengePage.OpenAsync(browser);
        _twilio.Delay = TimeSpan.FromSeconds(2);

        var stopwatch = Stopwatch.StartNew();
        var refused = await page.SendAsync();
        stopwatch.Stop();

        Assert.Contains("We couldn't reach the text-message service", refused.Page.TextOf("#send-message"));
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(1.9));
        Assert.Contains(_app.Logs.Lines, l => l.Contains("did not answer within 1 s"));
        output.WriteLine($"Start against a 2 s provider with a 1 s timeout: refused after {stopwatch.ElapsedMilliseconds} ms");
    }

    // With the default 5 s timeout, a provider that takes 2 s still gets the code out.
    [Fact]
    public async Task A_slow_provider_within_the_timeout_still_sends()
    {
        using var app = new TestApp(_twilio.AppSettings(timeoutSeconds: 5));
        var browser = app.NewBrowser();
        var user = UserStories.NewUser();
        await new UserStories(app).RegisterAndSignInAsync(browser, user);
        var phone = await PhonePage.OpenAsync(browser);
        _twilio.Delay = TimeSpan.FromSeconds(2);

        var stopwatch = Stopwatch.StartNew();
        var sent = await phone.StartAsync(UserStories.NewPhone());
        stopwatch.Stop();

        Assert.Contains("We sent a code", sent.Page.TextOf("#phone-message"));
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4.5));
        output.WriteLine($"Start against a 2 s provider with a 5 s timeout: sent after {stopwatch.ElapsedMilliseconds} ms");
    }

    private async Task<(Browser Browser, TestUser User)> RegisterWithPhoneAsync()
    {
        var browser = _app.NewBrowser();
        var user = UserStories.NewUser();
        user.Phone = UserStories.NewPhone();
        await _stories.RegisterAndSignInAsync(browser, user, user.Phone);
        var sent = await (await PhonePage.OpenAsync(browser)).ResendAsync();
        var done = await sent.VerifyAsync(_twilio.CodeFor(user.Phone));
        user.RecoveryCodes.AddRange(done.All(".recovery-code"));
        Assert.Equal(10, user.RecoveryCodes.Count);
        return (browser, user);
    }
}
