using System.Diagnostics;
using System.Net;

namespace TwoFactorDemo.Bench;

/// <summary>
/// The reliability long mode: the published app under full sign-ins (password + TOTP), two pages and a sign-out per
/// virtual user, for minutes; resident memory sampled as it goes. It answers "does it stay error-free and flat?",
/// not "how fast?".
/// </summary>
public sealed class SoakRun(BenchOptions options, TextWriter progress)
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(10);
    private const string GetSecurity = "GET /Security";
    private const string PostLogout = "POST /Account/Logout";
    private const string GetAfterLogout = "GET /Home/Protected (signed out)";

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public async Task<SoakResult> RunAsync()
    {
        var duration = options.Soak ?? throw new InvalidOperationException("Not a soak run.");
        var started = DateTimeOffset.UtcNow;
        var temp = Directory.CreateTempSubdirectory("tfd-soak-");
        try
        {
            Say("publishing the app (Release)");
            var dll = Path.Combine(temp.FullName, "app", "TwoFactorDemo.Web.dll");
            await Dotnet.PublishAsync(Path.Combine(RepositoryRoot.Find(), "src", "TwoFactorDemo.Web", "TwoFactorDemo.Web.csproj"), Path.GetDirectoryName(dll)!);
            var data = Directory.CreateDirectory(Path.Combine(temp.FullName, "data")).FullName;
            var pool = new UserPool(TimeProvider.System);
            await using (var seeder = await UserSeeder.CreateAsync(data))
            {
                Say($"seeding {options.UserCounts[^1]:N0} users with TOTP");
                pool.Add(await seeder.GrowToAsync(options.UserCounts[^1]));
            }
            await using var server = await ServerProcess.StartAsync(dll, "/healthz", UserSeeder.AppSettings(data), Path.Combine(data, "server.log"));
            using var http = Http.For(server.BaseAddress, options.LoginConcurrency);
            Task Iteration(StepRecorder recorder, CancellationToken cancellation) => SignInReadSignOutAsync(http, recorder, pool, cancellation);

            Say($"warming up for {options.WarmUp.TotalSeconds:F0} s");
            var warm = await LoadRunner.ForDurationAsync("warm-up", options.LoginConcurrency, options.WarmUp, Iteration);
            if (warm.Errors > 0)
            {
                throw new BenchException($"Warm-up failed: {string.Join("; ", warm.ErrorSamples)}");
            }

            Say($"soak: {options.LoginConcurrency} virtual users for {duration.TotalSeconds:F0} s (sign in, two pages, sign out)");
            var memory = new List<MemorySample> { new(TimeSpan.Zero, server.ResidentBytes()) };
            using var stop = new CancellationTokenSource();
            var sampler = SampleAsync(server, memory, stop.Token);
            var load = await CpuMeter.MeasureAsync(server, () => LoadRunner.ForDurationAsync("soak", options.LoginConcurrency, duration, Iteration));
            await stop.CancelAsync();
            await sampler;
            memory.Add(new(load.Elapsed, server.ResidentBytes()));
            Say($"  {load.Completed} sign-in cycles, {load.Errors} errors; resident memory {memory[0].Megabytes:F0} → {memory[^1].Megabytes:F0} MB");
            return new SoakResult(started, options.LoginConcurrency, load, memory, server.PeakWorkingSetBytes(), _clock.Elapsed);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    /// <summary>One virtual user's cycle: the full sign-in to the protected page, the account page, sign-out, and proof that the cookie is dead.</summary>
    private static async Task SignInReadSignOutAsync(HttpClient http, StepRecorder recorder, UserPool pool, CancellationToken cancellation)
    {
        var session = await AppLogin.FullAsync(http, recorder, pool, cancellation);
        await session.GetAsync(GetSecurity, "/Security");
        var home = await session.PostFormAsync(PostLogout, "/Account/Logout", []);
        if (home != "/")
        {
            throw new BenchException($"{PostLogout}: redirected to '{home}', expected /");
        }
        var login = await session.GetAsync(GetAfterLogout, AppLogin.ProtectedPage, HttpStatusCode.Found);
        if (login is null || !login.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase))
        {
            throw new BenchException($"{GetAfterLogout}: redirected to '{login}', expected the login page");
        }
    }

    private async Task SampleAsync(ServerProcess server, List<MemorySample> memory, CancellationToken stop)
    {
        var started = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(SampleEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var sample = new MemorySample(Stopwatch.GetElapsedTime(started), server.ResidentBytes());
                memory.Add(sample);
                if (memory.Count % 6 == 1)
                {
                    Say($"  {sample.At.TotalSeconds:F0} s: resident {sample.Megabytes:F0} MB");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Say(string message) => progress.WriteLine($"[{_clock.Elapsed:mm\\:ss}] {message}");
}
