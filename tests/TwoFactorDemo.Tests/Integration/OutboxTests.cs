using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Tests.Pages;
using TwoFactorDemo.Web.Email;
using TwoFactorDemo.Web.Outbox;

namespace TwoFactorDemo.Tests.Integration;

/// <summary>
/// Issue 17: mail goes through a transactional outbox. A real SMTP server (aiosmtpd) that is down, then up; an app that
/// stops and starts again on the same database file; senders racing for the same messages.
/// </summary>
public sealed class OutboxTests : IDisposable
{
    private readonly int _smtpPort = SmtpSink.FreePort();
    private readonly string _database = Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), $"tfd-outbox-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }
        if (Directory.Exists(_database + ".keys"))
        {
            Directory.Delete(_database + ".keys", recursive: true);
        }
    }

    private Dictionary<string, string?> SmtpSettings(int maxAttempts = 8, int sendsPerAddress = 5) => new()
    {
        ["Email:SendsPerAddress"] = sendsPerAddress.ToString(),
        ["Email:Provider"] = "Smtp",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = _smtpPort.ToString(),
        ["Email:Smtp:Security"] = "None",
        ["Email:Smtp:TimeoutSeconds"] = "2",
        ["Outbox:FirstRetrySeconds"] = "1",
        ["Outbox:PollSeconds"] = "0.1",
        ["Outbox:MaxAttempts"] = maxAttempts.ToString(),
    };

    [Fact]
    public async Task An_smtp_outage_delays_the_mail_and_it_arrives_exactly_once_when_the_server_is_back()
    {
        using var app = new TestApp(SmtpSettings(), databaseFile: _database);
        var user = UserStories.NewUser();
        var registered = await (await RegisterPage.OpenAsync(app.NewBrowser())).SubmitAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, registered.Status);
        Assert.DoesNotContain("couldn't send", registered.Text);

        var failed = await WaitForAsync(app, m => m.Attempts >= 1 && m.State == OutboxState.Pending);
        Assert.NotNull(failed.LastError);
        Assert.NotEqual("", failed.ProtectedBody);
        Assert.Contains(app.Logs.Lines, l => l.Contains("Could not send"));

        using var smtp = new SmtpSink(_smtpPort);
        app.Clock.Advance(TimeSpan.FromMinutes(1)); // the retry is due
        var mail = await smtp.WaitForAsync(user.Email, "Confirm");
        var sent = await WaitForAsync(app, m => m.State == OutboxState.Sent);

        Assert.Equal(sent.MessageId, "<" + mail.MessageId + ">");
        Assert.Equal("", sent.ProtectedBody); // the link is erased once sent
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await Task.Delay(500);
        Assert.Single(smtp.Messages(), m => m.MessageId == mail.MessageId);
    }

    [Fact]
    public async Task Mail_waiting_in_the_outbox_survives_a_restart_of_the_app()
    {
        var user = UserStories.NewUser();
        using (var first = new TestApp(SmtpSettings(), databaseFile: _database))
        {
            await (await RegisterPage.OpenAsync(first.NewBrowser())).SubmitAsync(user.Email, user.Password);
            await WaitForAsync(first, m => m.Attempts >= 1);
        }

        using var smtp = new SmtpSink(_smtpPort);
        using var second = new TestApp(SmtpSettings(), databaseFile: _database);
        second.Clock.Advance(TimeSpan.FromMinutes(5)); // past the retry, and past the lease the first app's sender held
        _ = second.NewBrowser(); // starts the app and its sender
        var mail = await smtp.WaitForAsync(user.Email, "Confirm");

        Assert.Single(smtp.Messages(), m => m.MessageId == mail.MessageId);
        using var browser = second.NewBrowser();
        var link = mail.TextBody!.Split('\n').Single(l => l.Contains("/Account/ConfirmEmail?"));
        Assert.Equal("true", (await browser.GetAsync(UserStories.Local(link))).Attr("#confirm-result", "data-confirmed"));
    }

    [Fact]
    public async Task A_dead_letter_is_shown_to_the_waiting_user_and_the_admin_who_can_send_it_again()
    {
        using var app = new TestApp(SmtpSettings(maxAttempts: 2), databaseFile: _database);
        var stories = new UserStories(app);
        var (_, user) = await stories.RegisterWithTotpAsync();
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == user.Email)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true).SetProperty(u => u.EmailLinkEnabled, true)));
        var waiting = app.NewBrowser();
        await stories.LoginPasswordAsync(waiting, user);
        var sent = await (await EmailChallengePage.OpenAsync(waiting)).SendAsync();
        Assert.Contains("We're sending a sign-in link", sent.Page.Text);

        await WaitForAsync(app, m => m.Kind == MailKinds.SignInLink && m.Attempts == 1);
        Assert.Equal(1, await EmailSendsAsync(app, user.Email)); // the send counts while it may still go out
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await WaitForAsync(app, m => m.Kind == MailKinds.SignInLink && m.State == OutboxState.Dead);
        Assert.Equal(0, await EmailSendsAsync(app, user.Email)); // nothing went out: the dead letter gave its send back

        var page = await waiting.GetAsync("/TwoFactor/Email");
        Assert.Contains("We could not send the link", page.TextOf("#link-failed"));
        Assert.Contains("\"delivery\":\"failed\"", (await waiting.GetAsync("/TwoFactor/EmailStatus")).Html);

        var (admin, _) = await stories.AdminAsync();
        var dashboard = await admin.GetAsync("/Admin");
        Assert.NotEqual("0", dashboard.TextOf("[data-count=mail-dead]"));
        var letters = await admin.GetAsync("/Admin/Outbox");
        var id = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Kind == MailKinds.SignInLink).Select(m => m.Id).SingleAsync());
        Assert.NotNull(letters.Document.QuerySelector($"#dead-letters tr[data-id='{id}']"));

        using var smtp = new SmtpSink(_smtpPort);
        var retried = await admin.SubmitAsync(letters, $"#dead-letters tr[data-id='{id}'] form");
        Assert.Equal("/Admin/Outbox", retried.Location);
        var mail = await smtp.WaitForAsync(user.Email, "sign-in link");
        var link = mail.TextBody!.Split('\n').Single(l => l.Contains("/TwoFactor/Email/Confirm?token="));
        Assert.Equal("/", (await waiting.SubmitAsync(await waiting.GetAsync(UserStories.Local(link)), "#confirm-form")).Location);
        Assert.Contains(await app.WithDbAsync(db => db.SecurityEvents.Select(e => e.Kind).ToListAsync()), k => k == TwoFactorDemo.Web.Audit.SecurityEventKinds.AdminRetriedMail);
    }

    // A forgot-password mail is composed when sent, and reserved its send under the limit on every attempt: an outage of
    // more attempts than the limit allows (5 per address) ended with the limit refusing the retry and the mail dropped.
    [Fact]
    public async Task A_password_reset_held_up_by_an_outage_longer_than_its_send_limit_still_arrives_once()
    {
        using var app = new TestApp(SmtpSettings(sendsPerAddress: 2), databaseFile: _database);
        var stories = new UserStories(app);
        var (_, user) = await stories.RegisterWithTotpAsync();
        var browser = app.NewBrowser();
        var forgot = await browser.GetAsync("/Account/ForgotPassword");
        await browser.SubmitAsync(forgot, "main form", new Dictionary<string, string> { ["Email"] = user.Email });

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await WaitForAsync(app, m => m.Kind == MailKinds.PasswordResetRequest && m.Attempts >= attempt);
            app.Clock.Advance(TimeSpan.FromMinutes(2)); // the next retry is due
        }
        var waiting = await WaitForAsync(app, m => m.Kind == MailKinds.PasswordResetRequest && m.Attempts >= 4);
        Assert.Equal(OutboxState.Pending, waiting.State);
        Assert.Equal(1, await app.WithDbAsync(db => db.MessageSends.CountAsync(s => s.Channel == "reset"))); // one request, one send counted

        using var smtp = new SmtpSink(_smtpPort);
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        var mail = await smtp.WaitForAsync(user.Email, "Reset your");
        await WaitForAsync(app, m => m.Kind == MailKinds.PasswordResetRequest && m.State == OutboxState.Sent);
        Assert.Single(smtp.Messages(), m => m.MessageId == mail.MessageId);
        Assert.Contains("/Account/ResetPassword?", mail.TextBody);
    }

    private static Task<int> EmailSendsAsync(TestApp app, string email) =>
        app.WithDbAsync(db => db.MessageSends.CountAsync(s => s.Channel == "email" && db.Users.Any(u => u.Id == s.UserId && u.Email == email)));

    // Several senders (several instances later) claim from one table: each message is sent once.
    [Fact]
    public async Task Five_senders_racing_over_a_hundred_messages_send_each_exactly_once()
    {
        using var app = new TestApp(databaseFile: _database);
        _ = app.NewBrowser();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
            for (var i = 0; i < 100; i++)
            {
                outbox.Add(new EmailMessage($"race{i}@example.test", $"Race {i}", "text", "<p>html</p>"), MailKinds.ConfirmEmail, null);
            }
            await scope.ServiceProvider.GetRequiredService<TwoFactorDemo.Web.Data.AppDbContext>().SaveChangesAsync();
        }
        var senders = Enumerable.Range(0, 4).Select(_ => ActivatorUtilities.CreateInstance<OutboxDispatcher>(app.Services)).ToList();
        await Task.WhenAll(senders.Select(sender => Task.Run(async () =>
        {
            while (await sender.RunOnceAsync(CancellationToken.None) > 0)
            {
            }
        })));
        await WaitForAsync(app, _ => true, count: 100, state: OutboxState.Sent);

        var ids = Directory.GetFiles(app.MailboxPath, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Where(m => m.Subject?.StartsWith("Race ", StringComparison.Ordinal) == true).Select(m => m.MessageId).ToList();
        Assert.Equal(100, ids.Count);
        Assert.Equal(100, ids.Distinct().Count());
    }

    // Issue 17: "/healthz answers Healthy while database writes fail". /readyz does not.
    [Fact]
    public async Task Readyz_fails_while_the_database_cannot_take_a_write_and_healthz_still_answers()
    {
        using var app = new TestApp(databaseFile: _database);
        var browser = app.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/readyz")).Status);

        await using (var holder = new SqliteConnection($"Data Source={_database};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var command = holder.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE";
            await command.ExecuteNonQueryAsync();
            var ready = await browser.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/healthz")).Status);
            command.CommandText = "ROLLBACK";
            await command.ExecuteNonQueryAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/readyz")).Status);
    }

    private static async Task<OutboxMessage> WaitForAsync(TestApp app, Func<OutboxMessage, bool> condition, int count = 1, OutboxState? state = null)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var rows = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().ToListAsync());
            var matching = rows.Where(m => condition(m) && (state is null || m.State == state)).ToList();
            if (matching.Count >= count)
            {
                return matching[^1];
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The outbox did not reach the expected state within 30 s.");
    }
}
