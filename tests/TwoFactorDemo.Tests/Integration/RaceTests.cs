using System.Net;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Tests.Pages;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Tests.Integration;

/// <summary>
/// Known attack 17: bursts of parallel guesses, on a database file with a connection per request as in production.
/// Every guess is counted before it is checked, so a burst gets at most the limit's worth of checks, and nothing answers 5xx.
/// </summary>
public sealed class RaceTests : IDisposable
{
    private const int Burst = 100;
    private readonly TestApp _app = new(fileDatabase: true);

    private UserStories Stories => new(_app);

    public void Dispose() => _app.Dispose();

    // Issue 13 finding 3: "40 wrong passwords in one burst counted 3 (the right password then succeeded after 15 wrong ones)".
    [Fact]
    public async Task Attack17_Finding3_a_burst_of_wrong_passwords_locks_the_account_and_checks_no_more_than_the_limit()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var pages = new List<(Browser, LoginPage)>();
        for (var i = 0; i < Burst; i++)
        {
            var browser = _app.NewBrowser();
            pages.Add((browser, await LoginPage.OpenAsync(browser)));
        }

        var answers = await Task.WhenAll(pages.Select((p, i) => p.Item2.SubmitAsync(user.Email, $"wrong password number {i}")));

        Assert.All(answers, a => Assert.True((int)a.Status < 500, $"{a.Status}"));
        Assert.All(answers, a => Assert.Contains("Invalid email or password", a.Text));
        Assert.True((await _app.UserAsync(user.Email)).LockoutEnd > _app.Clock.GetUtcNow(), "the burst must lock the account");
        var checkedWrong = await _app.WithDbAsync(db => db.SecurityEvents.CountAsync(e =>
            e.Detail == "wrong password" && (e.Kind == SecurityEventKinds.PasswordFailed || e.Kind == SecurityEventKinds.LockedOut)));
        Assert.Equal(5, checkedWrong); // the limit's worth were checked; the other 95 were refused without a check
        Assert.Equal(Burst - 5, await _app.WithDbAsync(db => db.SecurityEvents.CountAsync(e => e.Detail == "locked out")));

        var right = await Stories.LoginPasswordAsync(_app.NewBrowser(), user);
        Assert.Null(right.Location);
        Assert.Contains("Invalid email or password", right.Text);
    }

    // Issue 13 finding 3 / issue 17: "60 wrong TOTP codes counted 2 (the right code was accepted after 24 wrong ones)";
    // "121 parallel wrong codes: 117 answered 500".
    [Fact]
    public async Task Attack17_Finding3_a_burst_of_wrong_totp_codes_with_the_right_one_inside_counts_every_check_and_never_answers_500()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var browser = _app.NewBrowser();
        await Stories.LoginPasswordAsync(browser, user);
        var challenge = await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Totp");
        var right = Stories.NextCode(user);
        var codes = Enumerable.Range(1, Burst).Select(i => ((int.Parse(right) + i) % 1_000_000).ToString("D6")).ToList();
        codes.Insert(Burst / 2, right);

        var answers = await Task.WhenAll(codes.Select(code => challenge.SubmitAsync(code)));

        Assert.All(answers, a => Assert.True((int)a.Status < 500, $"{a.Status}"));
        var signedIn = answers.Count(a => a.IsRedirect);
        Assert.InRange(signedIn, 0, 1);
        var checkedWrong = await _app.WithDbAsync(db => db.SecurityEvents.CountAsync(e =>
            e.Detail == "totp" && (e.Kind == SecurityEventKinds.SecondFactorFailed || e.Kind == SecurityEventKinds.LockedOut)));
        if (signedIn == 0)
        {
            // The right code came after the limit: exactly five wrong ones were checked and the account is locked.
            Assert.Equal(5, checkedWrong);
            Assert.True((await _app.UserAsync(user.Email)).LockoutEnd > _app.Clock.GetUtcNow());
            Assert.Equal(Burst + 1 - 4, answers.Count(a => a.Text.Contains(AppText.LockedOutStart)));
        }
        else
        {
            // The right code was among the first five checks: it cleared the count, and the checks after it count again.
            Assert.InRange(checkedWrong, 4, 9);
        }
        Assert.Equal(Burst + 1 - signedIn - checkedWrong,
            await _app.WithDbAsync(db => db.SecurityEvents.CountAsync(e => e.Detail == "totp: locked out")));
    }

    // Issue 13 finding 3: "30 guesses against one live SMS code beat both the 5-tries-per-code and the 5-failure limits".
    [Fact]
    public async Task Attack17_Finding3_a_burst_of_wrong_sms_codes_locks_the_account_and_the_real_code_then_fails()
    {
        var (_, user) = await Stories.RegisterWithSmsAsync();
        var (browser, sent, code) = await Stories.PasswordThenTextAsync(user);
        var wrong = Enumerable.Range(1, Burst).Select(i => ((int.Parse(code) + i) % 1_000_000).ToString("D6"));

        var answers = await Task.WhenAll(wrong.Select(c => sent.SubmitCodeAsync(c)));

        Assert.All(answers, a => Assert.True((int)a.Status < 500, $"{a.Status}"));
        Assert.DoesNotContain(answers, a => a.IsRedirect);
        Assert.True((await _app.UserAsync(user.Email)).LockoutEnd > _app.Clock.GetUtcNow());
        Assert.Equal(5, await _app.WithDbAsync(db => db.SecurityEvents.CountAsync(e =>
            e.Detail == "sms" && (e.Kind == SecurityEventKinds.SecondFactorFailed || e.Kind == SecurityEventKinds.LockedOut))));
        var real = await (await SmsChallengePage.OpenAsync(browser)).SubmitCodeAsync(code);
        Assert.False(real.IsRedirect);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/Home/Protected")).StatusCode);
    }

    // Issue 13 finding 7: "20 concurrent Send=call from one session placed 20 calls (the cooldown allows 1, the per-number cap 5)".
    [Fact]
    public async Task Attack17_Finding7_parallel_sends_from_one_session_place_one_call_and_from_many_sessions_no_more_than_the_cap()
    {
        var (_, user) = await Stories.RegisterWithSmsAsync();
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        var browser = _app.NewBrowser();
        await Stories.LoginPasswordAsync(browser, user);
        var page = await SmsChallengePage.OpenAsync(browser);
        var sendsBefore = await SendsToAsync(user.Phone!);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => page.SendAsync("call")));

        Assert.All(answers, a => Assert.True((int)a.Page.Status < 500, $"{a.Page.Status}"));
        Assert.Equal(sendsBefore + 1, await SendsToAsync(user.Phone!));
        Assert.Equal(19, answers.Count(a => a.Page.Text.Contains("We just sent a code")));

        // Thirty sessions of the same account at once: the per-number cap (5 in 10 minutes) holds.
        _app.Clock.Advance(TimeSpan.FromMinutes(11));
        var sessions = new List<SmsChallengePage>();
        for (var i = 0; i < 30; i++)
        {
            var other = _app.NewBrowser();
            await Stories.LoginPasswordAsync(other, user);
            sessions.Add(await SmsChallengePage.OpenAsync(other));
        }
        var before = await SendsToAsync(user.Phone!);
        var burst = await Task.WhenAll(sessions.Select(p => p.SendAsync("sms")));
        Assert.All(burst, a => Assert.True((int)a.Page.Status < 500, $"{a.Page.Status}"));
        Assert.Equal(5, await SendsToAsync(user.Phone!) - before);
        Assert.Equal(25, burst.Count(a => a.Page.Text.Contains("Too many codes were sent")));
    }

    // Issue 13 finding 11: "two admins removing their own role at once left no admin".
    [Fact]
    public async Task Finding11_two_admins_removing_themselves_at_once_leave_one_admin()
    {
        var (first, admin) = await Stories.AdminAsync();
        var (_, other) = await Stories.RegisterWithTotpAsync();
        var otherId = (await _app.UserAsync(other.Email)).Id;
        await Stories.AdminActionAsync(first, otherId, "grant-admin");
        var (second, _) = await Stories.LoginWithTotpAsync(other);
        var adminId = (await _app.UserAsync(admin.Email)).Id;
        var confirmFirst = await first.GetAsync($"/Admin/Users/{adminId}/revoke-admin");
        var confirmSecond = await second.GetAsync($"/Admin/Users/{otherId}/revoke-admin");

        var answers = await Task.WhenAll(first.SubmitAsync(confirmFirst, "#confirm-action"), second.SubmitAsync(confirmSecond, "#confirm-action"));

        Assert.All(answers, a => Assert.True((int)a.Status < 500, $"{a.Status}"));
        Assert.Equal(1, await _app.WithDbAsync(db => db.UserRoles.CountAsync()));
    }

    private Task<int> SendsToAsync(string phone) => _app.WithDbAsync(db => db.MessageSends.CountAsync(s => s.Destination == phone));

    // Issue 13 finding 4: "three wrong-password logins while a right TOTP sign-in is in flight make the same code acceptable a second time".
    [Fact]
    public async Task Attack17_Finding4_wrong_passwords_racing_a_totp_sign_in_never_make_its_code_usable_again()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        for (var round = 0; round < 10; round++)
        {
            var first = _app.NewBrowser();
            await Stories.LoginPasswordAsync(first, user);
            var second = _app.NewBrowser();
            await Stories.LoginPasswordAsync(second, user);
            var challenge = await CodeChallengePage.OpenAsync(first, "/TwoFactor/Totp");
            var replay = await CodeChallengePage.OpenAsync(second, "/TwoFactor/Totp");
            var attackers = new List<LoginPage>();
            for (var i = 0; i < 3; i++)
            {
                attackers.Add(await LoginPage.OpenAsync(_app.NewBrowser()));
            }
            var code = Stories.NextCode(user);

            var signIn = challenge.SubmitAsync(code);
            var wrong = attackers.Select(a => a.SubmitAsync(user.Email, "not the password at all"));
            await Task.WhenAll([signIn, .. wrong]);

            Assert.True((await signIn).IsRedirect, $"round {round}: the owner's code must work");
            var again = await replay.SubmitAsync(code);
            Assert.False(again.IsRedirect, $"round {round}: the spent code was accepted a second time");
            // Three wrong passwords a round would lock the account in the next: start each round from a clean count.
            await _app.WithDbAsync(db => db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0)));
        }
    }
}
