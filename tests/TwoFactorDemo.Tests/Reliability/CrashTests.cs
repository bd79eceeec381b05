using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Tests.Pages;
using TwoFactorDemo.Web.Administration;
using TwoFactorDemo.Web.Audit;
using Xunit.Abstractions;

namespace TwoFactorDemo.Tests.Reliability;

/// <summary>
/// Issue 17's crash durability: the built app runs as a child process on a SQLite file while clients register,
/// sign in and out, sign in with an authenticator code or a recovery code, and ask for password resets; each write
/// the app acknowledged (a complete answer) is recorded. The process is killed with SIGKILL at random moments,
/// restarted, and every acknowledged write must still be there: the account with its audit record and its
/// confirmation mail in the outbox, the reset request in the outbox, a logged-out session still dead, a spent
/// recovery code still spent, each acknowledged second-factor sign-in audited, and an admin's acknowledged locks and
/// second-factor resets still in force with their audit records. Then <c>PRAGMA integrity_check</c> must say ok.
/// TFD_CRASH_ROUNDS sets the rounds (6).
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tfd-crash-").FullName;
    private readonly int _port = SmtpSink.FreePort();
    private readonly Dictionary<string, long> _lastStep = [];
    private Process? _app;

    public void Dispose()
    {
        Kill();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Every_acknowledged_write_survives_kill_9()
    {
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("TFD_CRASH_ROUNDS"), out var r) ? r : 6;
        var random = new Random(1129);
        var registered = new List<TestUser>();
        var resets = new List<string>();
        var deadSessions = new List<string>();
        var spentCodes = new List<(TestUser User, string Code)>();
        var verifiedSignIns = new Dictionary<string, int>();
        var attempted = 0;
        await StartAsync();
        var withFactor = new List<TestUser>();
        for (var i = 0; i < 4; i++)
        {
            withFactor.Add(await RegisterWithTotpAsync());
        }
        // The admin's targets: accounts to lock, and accounts with an authenticator to reset; each is acted on once.
        var admin = await AdminAsync();
        var targets = new Queue<(TestUser User, string Operation)>();
        for (var i = 0; i < 10; i++)
        {
            targets.Enqueue((await RegisterWithTotpAsync(), AdminOperations.ResetSecondFactors));
            targets.Enqueue((await RegisterAsync(), AdminOperations.Lock));
        }
        var adminActions = new List<(TestUser User, string Operation)>();
        Kill();
        for (var round = 0; round < rounds; round++)
        {
            await StartAsync();
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
            {
                var worker = new Random(round * 100 + w);
                while (!stop.IsCancellationRequested)
                {
                    Interlocked.Increment(ref attempted);
                    try
                    {
                        if (worker.Next(3) == 0)
                        {
                            await SecondFactorAsync(worker, withFactor, spentCodes, verifiedSignIns);
                        }
                        else
                        {
                            await ActAsync(worker, registered, resets, deadSessions);
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException or System.Net.Sockets.SocketException)
                    {
                        // not acknowledged: the process died under it
                    }
                }
            })).ToList();
            workers.Add(Task.Run(async () =>
            {
                // One admin action every ~300 ms, so the targets last through the rounds.
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        if (!await AdminActAsync(admin, targets, adminActions))
                        {
                            return;
                        }
                        Interlocked.Increment(ref attempted);
                        await Task.Delay(300, stop.Token);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException or System.Net.Sockets.SocketException)
                    {
                        return; // not acknowledged: the process died under it (the next round starts a new admin worker)
                    }
                }
            }));
            await Task.Delay(random.Next(2000, 5000));
            Kill(); // SIGKILL while requests are in flight
            await stop.CancelAsync();
            await Task.WhenAll(workers);
        }

        SqliteConnection.ClearAllPools();
        await StartAsync();
        foreach (var cookie in deadSessions)
        {
            using var client = Client(cookie);
            var page = await client.GetAsync("/Security");
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/Account/Login", new Uri(client.BaseAddress!, page.Headers.Location!).AbsolutePath);
        }
        Kill();
        SqliteConnection.ClearAllPools();

        await using var db = new SqliteConnection($"Data Source={Path.Combine(_folder, "app.db")}");
        await db.OpenAsync();
        lock (registered)
        {
            output.WriteLine($"{rounds} kills; {attempted} actions tried; acknowledged: {registered.Count} registrations, {resets.Count} reset requests, " +
                $"{deadSessions.Count} sign-outs, {verifiedSignIns.Values.Sum()} second-factor sign-ins ({spentCodes.Count} with a recovery code), " +
                $"{adminActions.Count(a => a.Operation == AdminOperations.Lock)} admin locks, {adminActions.Count(a => a.Operation == AdminOperations.ResetSecondFactors)} admin resets");
        }
        // Enough to mean something even on a loaded machine (the whole suite runs beside it): every kind of write, and
        // more than one per round overall.
        Assert.True(registered.Count > 0 && deadSessions.Count > 0 && resets.Count > 0 && spentCodes.Count > 0 && adminActions.Count > 0
            && registered.Count + deadSessions.Count + resets.Count + verifiedSignIns.Values.Sum() >= 2 * rounds,
            "too little acknowledged work to prove anything");
        // Spent codes stay spent: each user has at least as many used recovery codes as acknowledged recovery sign-ins.
        foreach (var spent in spentCodes.GroupBy(s => s.User.Email))
        {
            Assert.True(await ScalarAsync(db, "SELECT COUNT(*) FROM RecoveryCodes c JOIN AspNetUsers u ON c.UserId = u.Id WHERE u.Email = $v AND c.UsedAt IS NOT NULL", spent.Key) >= spent.Count(),
                $"{spent.Key}: {spent.Count()} acknowledged recovery-code sign-ins, fewer codes marked used");
        }
        foreach (var (email, signIns) in verifiedSignIns)
        {
            Assert.True(await ScalarAsync(db, "SELECT COUNT(*) FROM SecurityEvents e JOIN AspNetUsers u ON e.UserId = u.Id WHERE u.Email = $v AND e.Kind = 'signin.second_factor'", email) >= signIns,
                $"{email}: {signIns} acknowledged second-factor sign-ins, fewer audit records");
        }
        foreach (var user in registered)
        {
            Assert.Equal(1L, await ScalarAsync(db, "SELECT COUNT(*) FROM AspNetUsers WHERE Email = $v", user.Email));
            Assert.Equal(1L, await ScalarAsync(db, "SELECT COUNT(*) FROM SecurityEvents e JOIN AspNetUsers u ON e.UserId = u.Id WHERE u.Email = $v AND e.Kind = 'account.registered'", user.Email));
            Assert.Equal(1L, await ScalarAsync(db, "SELECT COUNT(*) FROM OutboxMessages WHERE \"To\" = $v AND Kind = 'confirm-email'", user.Email));
        }
        // Locks stay locked and resets stay reset, each with its audit record.
        foreach (var (user, operation) in adminActions)
        {
            var kind = operation == AdminOperations.Lock ? SecurityEventKinds.AdminLocked : SecurityEventKinds.AdminResetSecondFactors;
            Assert.Equal(1L, await ScalarAsync(db, $"SELECT COUNT(*) FROM SecurityEvents e JOIN AspNetUsers u ON e.UserId = u.Id WHERE u.Email = $v AND e.Kind = '{kind}'", user.Email));
            var inForce = operation == AdminOperations.Lock
                ? "SELECT COUNT(*) FROM AspNetUsers WHERE Email = $v AND LockoutEnd IS NOT NULL AND LockoutEnabled = 1"
                : "SELECT COUNT(*) FROM AspNetUsers u WHERE Email = $v AND TotpSecret IS NULL AND NOT EXISTS (SELECT 1 FROM RecoveryCodes c WHERE c.UserId = u.Id)";
            Assert.True(await ScalarAsync(db, inForce, user.Email) == 1, $"{user.Email}: acknowledged {operation} is not in force after the crashes");
        }
        foreach (var email in resets)
        {
            Assert.True(await ScalarAsync(db, "SELECT COUNT(*) FROM OutboxMessages WHERE \"To\" = $v AND Kind = 'password-reset-request'", email) >= 1, email);
        }
        await using var check = db.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await check.ExecuteScalarAsync());
    }

    private async Task ActAsync(Random random, List<TestUser> registered, List<string> resets, List<string> deadSessions)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        using var browser = new Browser(new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), Timeout = TimeSpan.FromSeconds(20) });
        switch (random.Next(3))
        {
            case 0:
                var user = UserStories.NewUser();
                var done = await (await RegisterPage.OpenAsync(browser)).SubmitAsync(user.Email, user.Password);
                if (done.Status == HttpStatusCode.OK && done.Document.QuerySelector("#registered") is not null)
                {
                    lock (registered)
                    {
                        registered.Add(user);
                    }
                }
                break;
            case 1:
                TestUser? known;
                lock (registered)
                {
                    known = registered.Count == 0 ? null : registered[random.Next(registered.Count)];
                }
                if (known is null)
                {
                    return;
                }
                var signedIn = await (await LoginPage.OpenAsync(browser)).SubmitAsync(known.Email, known.Password);
                var session = handler.CookieContainer.GetAllCookies().FirstOrDefault(c => c.Name.EndsWith("tfd.session", StringComparison.Ordinal));
                if (!signedIn.IsRedirect || session is null)
                {
                    return;
                }
                var home = await browser.GetAsync("/Security");
                var loggedOut = await browser.SubmitAsync(home, "form[action='/Account/Logout']");
                if (loggedOut.IsRedirect)
                {
                    lock (registered)
                    {
                        deadSessions.Add($"{session.Name}={session.Value}");
                    }
                }
                break;
            default:
                var email = $"reset{Guid.NewGuid():N}@example.test";
                var form = await browser.GetAsync("/Account/ForgotPassword");
                var answered = await browser.SubmitAsync(form, "main form", new Dictionary<string, string> { ["Email"] = email });
                if (answered.IsRedirect)
                {
                    lock (registered)
                    {
                        resets.Add(email);
                    }
                }
                break;
        }
    }

    // A sign-in with an authenticator code or one of the user's unspent recovery codes; an acknowledged one is recorded.
    private async Task SecondFactorAsync(Random random, List<TestUser> users, List<(TestUser, string)> spentCodes, Dictionary<string, int> verified)
    {
        var user = users[random.Next(users.Count)];
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var browser = new Browser(new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), Timeout = TimeSpan.FromSeconds(20) });
        var afterPassword = await (await LoginPage.OpenAsync(browser)).SubmitAsync(user.Email, user.Password);
        if (afterPassword.Location?.StartsWith("/TwoFactor", StringComparison.Ordinal) != true)
        {
            return;
        }
        string? code = null;
        Page done;
        if (random.Next(2) == 0)
        {
            lock (user.RecoveryCodes)
            {
                if (user.RecoveryCodes.Count > 0)
                {
                    code = user.RecoveryCodes[^1];
                    user.RecoveryCodes.RemoveAt(user.RecoveryCodes.Count - 1); // tried once, acknowledged or not
                }
            }
            if (code is null)
            {
                return;
            }
            done = await (await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Recovery")).SubmitAsync(code);
        }
        else
        {
            // One try per 30-second step and user: a second would be a replay, refused and counted toward lockout.
            var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            lock (_lastStep)
            {
                if (_lastStep.GetValueOrDefault(user.Email) >= step)
                {
                    return;
                }
                _lastStep[user.Email] = step;
            }
            done = await (await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Totp")).SubmitAsync(Rfc6238.Code(user.TotpKey!, step * 30));
        }
        if (done.IsRedirect && done.Location == "/")
        {
            lock (verified)
            {
                verified[user.Email] = verified.GetValueOrDefault(user.Email) + 1;
                if (code is not null)
                {
                    spentCodes.Add((user, code));
                }
            }
        }
    }

    // The admin acts on the next target through the confirmation page; an acknowledged action (the redirect back to the
    // user's page) is recorded. A target whose action was not acknowledged is not tried again.
    private async Task<bool> AdminActAsync(Browser admin, Queue<(TestUser User, string Operation)> targets, List<(TestUser, string)> done)
    {
        (TestUser User, string Operation) target;
        lock (targets)
        {
            if (!targets.TryDequeue(out target))
            {
                return false;
            }
        }
        var page = await admin.GetAsync($"/Admin/Users?q={Uri.EscapeDataString(target.User.Email)}");
        var id = page.Document.QuerySelector("#users tbody tr[data-user-id]")?.GetAttribute("data-user-id")
            ?? throw new InvalidOperationException($"{target.User.Email} not found by the admin search");
        var confirm = await admin.GetAsync($"/Admin/Users/{id}/{target.Operation}");
        var acted = await admin.SubmitAsync(confirm, "#confirm-action");
        if (acted.Location == $"/Admin/Users/{id}")
        {
            lock (done)
            {
                done.Add(target);
            }
        }
        return true;
    }

    // The seeded admin signs in and sets up an authenticator (admins need a second factor); the browser stays signed in
    // across restarts (the cookie's keys are kept on disk).
    private async Task<Browser> AdminAsync()
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        var browser = new Browser(new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), Timeout = TimeSpan.FromSeconds(20) });
        await (await LoginPage.OpenAsync(browser)).SubmitAsync(TestApp.AdminEmail, TestApp.AdminPassword);
        var setup = await TotpSetupPage.OpenAsync(browser);
        await setup.SubmitAsync(Rfc6238.Code(setup.Key, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 * 30));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Admin/Users")).Status);
        return browser;
    }

    private async Task<TestUser> RegisterAsync()
    {
        var user = UserStories.NewUser();
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var browser = new Browser(new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{_port}") });
        Assert.NotNull((await (await RegisterPage.OpenAsync(browser)).SubmitAsync(user.Email, user.Password)).Document.QuerySelector("#registered"));
        return user;
    }

    private async Task<TestUser> RegisterWithTotpAsync()
    {
        var user = UserStories.NewUser();
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var browser = new Browser(new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{_port}") });
        await (await RegisterPage.OpenAsync(browser)).SubmitAsync(user.Email, user.Password);
        await (await LoginPage.OpenAsync(browser)).SubmitAsync(user.Email, user.Password);
        var setup = await TotpSetupPage.OpenAsync(browser);
        user.TotpKey = setup.Key;
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var done = await setup.SubmitAsync(Rfc6238.Code(user.TotpKey, step * 30));
        lock (_lastStep)
        {
            _lastStep[user.Email] = step; // the set-up spent this step
        }
        user.RecoveryCodes.AddRange(done.All(".recovery-code"));
        Assert.Equal(10, user.RecoveryCodes.Count);
        return user;
    }

    private HttpClient Client(string cookie)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{_port}") };
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private async Task StartAsync()
    {
        var root = RepositoryRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0
        var dll = Path.Combine(root, "src", "TwoFactorDemo.Web", "bin", configuration, "net10.0", "TwoFactorDemo.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.Combine(root, "src", "TwoFactorDemo.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_port}";
        start.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(_folder, "app.db")}";
        start.Environment["Email__MailboxPath"] = Path.Combine(_folder, "mail");
        start.Environment["Email__LinkBaseUrl"] = $"http://127.0.0.1:{_port}";
        start.Environment["DataProtection__KeysPath"] = Path.Combine(_folder, "keys");
        start.Environment["Seed__AdminEmail"] = TestApp.AdminEmail;
        start.Environment["Seed__AdminPassword"] = TestApp.AdminPassword;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        _app = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app");
        _app.OutputDataReceived += (_, _) => { };
        _app.ErrorDataReceived += (_, _) => { };
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await probe.GetAsync("/readyz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            if (_app.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_app.ExitCode} while starting");
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The app did not become ready within 30 s");
    }

    private void Kill()
    {
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true); // SIGKILL on Linux
            _app.WaitForExit();
        }
        _app?.Dispose();
        _app = null;
    }

    private static async Task<long> ScalarAsync(SqliteConnection db, string sql, string value)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$v", value);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "test.sh")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("test.sh not found above the test output");
    }
}
