using System.Diagnostics;

namespace TwoFactorDemo.Bench;

/// <summary>
/// The whole run: the KDF ceiling, the stock template under load, then the app at each user count (seeded
/// between measurements while it runs), and the steps of the sign-in on their own at the largest count.
/// </summary>
public sealed class BenchRun(BenchOptions options, TextWriter progress)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public async Task<BenchResults> RunAsync()
    {
        var started = DateTimeOffset.UtcNow;
        var temp = Directory.CreateTempSubdirectory("tfd-bench-");
        try
        {
            var repo = RepositoryRoot.Find();
            Say("publishing the app (Release)");
            var appDll = Path.Combine(temp.FullName, "app", "TwoFactorDemo.Web.dll");
            await Dotnet.PublishAsync(Path.Combine(repo, "src", "TwoFactorDemo.Web", "TwoFactorDemo.Web.csproj"), Path.GetDirectoryName(appDll)!);

            var data = Directory.CreateDirectory(Path.Combine(temp.FullName, "data")).FullName;
            await using var seeder = await UserSeeder.CreateAsync(data);
            var results = new BenchResults { Options = options, Started = started, Kdf = MeasureKdf(seeder) };

            if (options.Template)
            {
                results.Template = await RunTemplateAsync(Directory.CreateDirectory(Path.Combine(temp.FullName, "template")).FullName, seeder);
            }
            await RunAppAsync(appDll, data, seeder, results);
            results.Took = _clock.Elapsed;
            return results;
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    private async Task<TemplateResult> RunTemplateAsync(string directory, UserSeeder seeder)
    {
        Say("generating and publishing the stock template (dotnet new mvc --auth Individual)");
        var dll = await StockTemplate.PublishAsync(directory);
        await using var server = await ServerProcess.StartAsync(dll, "/", new Dictionary<string, string>(), Path.Combine(directory, "server.log"));
        using var http = Http.For(server.BaseAddress, Math.Max(options.LoginConcurrency, options.PageConcurrency));
        await StockTemplate.RegisterAsync(http, dll);

        Task<BrowserSession> Login(StepRecorder recorder) => TemplateLogin.FullAsync(http, recorder, StockTemplate.Email, StockTemplate.Password);
        await WarmUpAsync(http, (recorder, _) => Login(recorder), TemplateLogin.ManagePage, (await Login(new StepRecorder())).CookieHeader);

        Say($"template: logins for {options.LoginDuration.TotalSeconds:F0} s at {options.LoginConcurrency} virtual users");
        var (kdf, login) = await BetweenKdfProbesAsync(seeder, () =>
            CpuMeter.MeasureAsync(server, () => LoadRunner.ForDurationAsync("template login", options.LoginConcurrency, options.LoginDuration, (recorder, _) => Login(recorder))));
        var cookie = (await Login(new StepRecorder())).CookieHeader;
        Say($"template: {TemplateLogin.ManagePage} for {options.PageDuration.TotalSeconds:F0} s at {options.PageConcurrency} connections");
        var page = await CpuMeter.MeasureAsync(server, () => PageLoad.RunAsync(http, TemplateLogin.ManagePage, cookie, options.PageConcurrency, options.PageDuration));
        Say(Summary(page));
        return new TemplateResult(kdf, login, page, server.PeakWorkingSetBytes());
    }

    private async Task RunAppAsync(string dll, string data, UserSeeder seeder, BenchResults results)
    {
        var pool = new UserPool(TimeProvider.System);
        var seedTime = await SeedAsync(seeder, pool, options.UserCounts[0]);
        await using var server = await ServerProcess.StartAsync(dll, "/healthz", UserSeeder.AppSettings(data), Path.Combine(data, "server.log"));
        using var http = Http.For(server.BaseAddress, Math.Max(options.LoginConcurrency, options.PageConcurrency));

        Task<BrowserSession> Login(StepRecorder recorder, CancellationToken cancellation) => AppLogin.FullAsync(http, recorder, pool, cancellation);
        await WarmUpAsync(http, Login, AppLogin.ProtectedPage, (await Login(new StepRecorder(), default)).CookieHeader);

        foreach (var users in options.UserCounts)
        {
            if (users > seeder.Count)
            {
                seedTime = await SeedAsync(seeder, pool, users);
            }
            Say($"app, {users:N0} users: logins for {options.LoginDuration.TotalSeconds:F0} s at {options.LoginConcurrency} virtual users");
            var (kdf, login) = await BetweenKdfProbesAsync(seeder, () =>
                CpuMeter.MeasureAsync(server, () => LoadRunner.ForDurationAsync("app login", options.LoginConcurrency, options.LoginDuration, Login)));
            var cookie = (await Login(new StepRecorder(), default)).CookieHeader;
            Say($"app, {users:N0} users: {AppLogin.ProtectedPage} and /Security for {options.PageDuration.TotalSeconds:F0} s each at {options.PageConcurrency} connections");
            var page = await CpuMeter.MeasureAsync(server, () => PageLoad.RunAsync(http, AppLogin.ProtectedPage, cookie, options.PageConcurrency, options.PageDuration));
            Say(Summary(page));
            var account = await CpuMeter.MeasureAsync(server, () => PageLoad.RunAsync(http, "/Security", cookie, options.PageConcurrency, options.PageDuration));
            Say(Summary(account));
            results.Levels.Add(new LevelResult(users, seedTime, kdf, login, page, account, server.PeakWorkingSetBytes()));
        }

        results.StepAlone = await MeasureStepsAloneAsync(server, http, pool);
        if (options.Passkey)
        {
            results.Passkey = await MeasurePasskeyAsync(server, http, seeder);
        }
        results.AppPeakBytes = server.PeakWorkingSetBytes();
    }

    /// <summary>
    /// Prepares sessions up to the password (timing only the password POST), then up to the code form, then
    /// sends every code (timing only the code POST): each step's own rate at the same concurrency.
    /// </summary>
    private async Task<StepAloneResult> MeasureStepsAloneAsync(ServerProcess server, HttpClient http, UserPool pool)
    {
        Say($"app: the password step and the code step alone, {options.StepSessions} sessions at {options.LoginConcurrency} at a time");
        var prepared = new List<(BrowserSession Session, BenchUser User)>();
        for (var i = 0; i < options.StepSessions; i++)
        {
            prepared.Add((new BrowserSession(http, new StepRecorder()), (await pool.LeaseAsync(CancellationToken.None)).User));
        }
        var concurrency = options.LoginConcurrency;
        await Prepare(prepared, concurrency, (item, recorder) => AppLogin.OpenLoginAsync(item.Session));
        var password = await CpuMeter.MeasureAsync(server, () => LoadRunner.ForEachAsync("password step", concurrency, prepared, (item, recorder, _) =>
        {
            item.Session.Recorder = recorder;
            return AppLogin.SubmitPasswordAsync(item.Session, item.User);
        }));
        Say(Summary(password));
        await Prepare(prepared, concurrency, (item, recorder) => AppLogin.OpenTotpAsync(item.Session));
        var code = await CpuMeter.MeasureAsync(server, () => LoadRunner.ForEachAsync("code step", concurrency, prepared, (item, recorder, _) =>
        {
            item.Session.Recorder = recorder;
            return AppLogin.SubmitCodeAsync(item.Session, pool.FreshCodeFor(item.User));
        }));
        Say(Summary(code));
        return new StepAloneResult(password, code);
    }

    /// <summary>
    /// Passwordless sign-in with a passkey: users seeded with a key pair in the software authenticator, a short warm-up
    /// of that path, then the same load as the logins. No password hash runs: a signature check and the writes.
    /// </summary>
    private async Task<LoadResult> MeasurePasskeyAsync(ServerProcess server, HttpClient http, UserSeeder seeder)
    {
        Say($"seeding {options.PasskeyUsers} users with a passkey");
        var passkeys = new PasskeyPool();
        passkeys.Add(await seeder.AddPasskeyUsersAsync(options.PasskeyUsers, passkeys.Authenticator));
        Task<BrowserSession> SignIn(StepRecorder recorder, CancellationToken cancellation) => PasskeyLogin.FullAsync(http, recorder, passkeys, cancellation);
        var warm = await LoadRunner.ForDurationAsync("warm-up passkey", options.LoginConcurrency, options.WarmUp / 3, SignIn);
        if (warm.Errors > 0)
        {
            throw new BenchException($"Warm-up failed (passkey): {string.Join("; ", warm.ErrorSamples)}");
        }
        Say($"app: passwordless passkey sign-ins for {options.LoginDuration.TotalSeconds:F0} s at {options.LoginConcurrency} virtual users");
        var result = await CpuMeter.MeasureAsync(server, () => LoadRunner.ForDurationAsync("passkey sign-in", options.LoginConcurrency, options.LoginDuration, SignIn));
        Say(Summary(result));
        return result;
    }

    private static async Task Prepare<T>(IReadOnlyList<T> items, int concurrency, Func<T, StepRecorder, Task> step)
    {
        var result = await LoadRunner.ForEachAsync("preparation", concurrency, items, (item, recorder, _) => step(item, recorder));
        if (result.Errors > 0)
        {
            throw new BenchException($"Preparing sessions failed: {string.Join("; ", result.ErrorSamples)}");
        }
    }

    private async Task<TimeSpan> SeedAsync(UserSeeder seeder, UserPool pool, int users)
    {
        Say($"seeding users with TOTP up to {users:N0}");
        var started = Stopwatch.GetTimestamp();
        pool.Add(await seeder.GrowToAsync(users));
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>
    /// Both loads first, so tiered JIT and dynamic PGO have finished recompiling on both servers (they burn a core
    /// for the first half minute or so); an error here stops the run.
    /// </summary>
    private async Task WarmUpAsync(HttpClient http, Func<StepRecorder, CancellationToken, Task> login, string page, string cookie)
    {
        Say($"warming up for {options.WarmUp.TotalSeconds:F0} s");
        var warm = new[]
        {
            await LoadRunner.ForDurationAsync("warm-up login", options.LoginConcurrency, options.WarmUp * 2 / 3, login),
            await PageLoad.RunAsync(http, page, cookie, options.PageConcurrency, options.WarmUp / 3),
        };
        if (warm.FirstOrDefault(w => w.Errors > 0) is { } failed)
        {
            throw new BenchException($"Warm-up failed ({failed.Name}): {string.Join("; ", failed.ErrorSamples)}");
        }
    }

    /// <summary>
    /// A login measurement with the KDF limit measured right before and right after it, and their mean: the speed
    /// of a shared machine drifts (the same probe read 44 and 69 ms minutes apart), and a ratio is only fair against
    /// the ceiling of the same minutes.
    /// </summary>
    private async Task<(KdfProbe Kdf, LoadResult Login)> BetweenKdfProbesAsync(UserSeeder seeder, Func<Task<LoadResult>> measure)
    {
        var before = MeasureKdf(seeder);
        var login = await measure();
        Say(Summary(login));
        var kdf = KdfProbe.Mean(before, MeasureKdf(seeder));
        Say($"  = {100 * login.PerSecond / kdf.ParallelPerSecond:F0} % of the KDF limit measured around it ({kdf.ParallelPerSecond:F1} verifies/s), "
            + $"{100 * login.PerSecond / kdf.VerifiesPerSecond:F0} % of median × cores ({kdf.VerifiesPerSecond:F1})");
        return (kdf, login);
    }

    private KdfProbe MeasureKdf(UserSeeder seeder)
    {
        var kdf = seeder.MeasureKdf(options.Smoke ? 10 : 40);
        Say($"KDF limit now: median {kdf.MedianMilliseconds:F1} ms × {kdf.Cores} cores = {kdf.VerifiesPerSecond:F1} verifies/s; "
            + $"{kdf.ParallelPerSecond:F1} verifies/s measured on all {kdf.Cores} cores at once");
        return kdf;
    }

    private static string Summary(LoadResult result)
    {
        var whole = result.Steps.FirstOrDefault(s => s.Step == LoadRunner.WholeIteration);
        var errors = result.Errors == 0 ? "" : $", {result.Errors} ERRORS: {string.Join("; ", result.ErrorSamples)}";
        return $"  {result.Name}: {result.Completed} in {result.Elapsed.TotalSeconds:F1} s = {result.PerSecond:F1}/s, "
            + $"p50 {whole?.P50:F1} ms, p99 {whole?.P99:F1} ms; server CPU {result.ServerCpuPerIteration:F1} ms each, "
            + $"{result.ServerCpuShare:P0} of the cores (bench {result.BenchCpuShare:P0}){errors}";
    }

    private void Say(string message) => progress.WriteLine($"[{_clock.Elapsed:mm\\:ss}] {message}");
}
