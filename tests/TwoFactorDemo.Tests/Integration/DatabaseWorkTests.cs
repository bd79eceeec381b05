using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Tests.Pages;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Sessions;

namespace TwoFactorDemo.Tests.Integration;

/// <summary>
/// The database work of a sign-in, counted: the load benchmark (bench/) found each step doing more than it
/// needed, and SQLite has one write lock, so every extra statement is paid for by every other sign-in.
/// </summary>
public sealed class DatabaseWorkTests : AppTest
{
    [Fact]
    public async Task A_totp_sign_in_runs_no_more_commands_than_it_needs()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        using var browser = App.NewBrowser();
        var login = await LoginPage.OpenAsync(browser, "/Home/Protected");

        App.Queries.Reset();
        var afterPassword = await login.SubmitAsync(user.Email, user.Password);
        // user; the attempt counted before the hash is checked (its own commit, so parallel guesses cannot outrun
        // the lockout); claims; roles; the attempt taken back; LastSignInAt; session; audit in the second commit
        AssertCommands(8, writes: 5, commits: 2, "the password step");

        var challenge = await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Totp" + new Uri("https://x" + afterPassword.Location).Query);
        App.Queries.Reset();
        var verified = await challenge.SubmitAsync(Stories.NextCode(user));
        Assert.Equal("/Home/Protected", verified.Location);
        // session (looked up again: the clock moved 30 s for the next code); user; typing lock?; claims; roles;
        // this session still waiting (not verified by another tab meanwhile, issue 18 bug 6); attempt counted; time
        // step; count cleared; new session; old session; audit. All in one commit.
        AssertCommands(12, writes: 6, commits: 1, "the code step");

        App.Queries.Reset();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await browser.GetAsync("/Home/Protected")).Status);
        AssertCommands(0, writes: 0, commits: 0, "a protected page");

        // After the cache's lifetime the session is looked up again, once.
        App.Clock.Advance(SessionValidityCache.Lifetime + TimeSpan.FromSeconds(1));
        App.Queries.Reset();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await browser.GetAsync("/Home/Protected")).Status);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await browser.GetAsync("/Home/Protected")).Status);
        AssertCommands(1, writes: 0, commits: 0, "two protected pages after the cache lifetime");
    }

    [Fact]
    public async Task A_sign_in_whose_audit_record_cannot_be_written_leaves_no_session_and_no_spent_code()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        using var browser = App.NewBrowser();
        var login = await LoginPage.OpenAsync(browser, "/Home/Protected");
        var afterPassword = await login.SubmitAsync(user.Email, user.Password);
        var challengeUrl = "/TwoFactor/Totp" + new Uri("https://x" + afterPassword.Location).Query;
        var challenge = await CodeChallengePage.OpenAsync(browser, challengeUrl);
        var userId = (await App.UserAsync(user.Email)).Id;
        var sessionsBefore = await SessionKeysAsync(userId);
        // The audit table refuses this one record, as a full disk or a broken constraint would.
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER audit_unavailable BEFORE INSERT ON SecurityEvents WHEN NEW.Kind = 'signin.second_factor' " +
            "BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END;"));

        var code = Stories.NextCode(user);
        var failed = await challenge.SubmitAsync(code);

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, failed.Status);
        Assert.DoesNotContain("Exception", failed.Html);
        // The new session went with the audit record: the only session is still the password step's.
        Assert.Equal(sessionsBefore, await SessionKeysAsync(userId));
        Assert.NotEqual(System.Net.HttpStatusCode.OK, (await browser.GetAsync("/Home/Protected")).Status);

        // Nor was the code spent: once the audit table works again, the same code signs in.
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_unavailable"));
        var retried = await (await CodeChallengePage.OpenAsync(browser, challengeUrl)).SubmitAsync(code);
        Assert.Equal("/Home/Protected", retried.Location);
    }

    [Fact]
    public async Task The_time_step_is_written_once_and_survives_later_saves()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        await Stories.LoginWithTotpAsync(user);
        var step = TotpAlgorithm.StepAt(App.Clock.GetUtcNow());

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(step, (await db.Users.AsNoTracking().SingleAsync(u => u.Email == user.Email)).TotpLastAcceptedStep);
    }

    private Task<List<string>> SessionKeysAsync(string userId) =>
        App.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == userId).OrderBy(s => s.Key).Select(s => s.Key).ToListAsync());

    private void AssertCommands(int expected, int writes, int commits, string step)
    {
        var commands = App.Queries.Commands;
        var message = $"{step} ran, in {App.Queries.Commits} commits:{Environment.NewLine}{string.Join(Environment.NewLine, commands)}";
        Assert.True(commands.Count <= expected, message);
        Assert.True(commands.Count(QueryCounter.IsWrite) <= writes, message);
        Assert.Equal(commits, App.Queries.Commits);
    }
}
