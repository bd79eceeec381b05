using System.Globalization;

namespace TwoFactorDemo.Bench;

/// <summary>What to run, from the command line; <c>--smoke</c> shrinks everything to a few seconds.</summary>
public sealed record BenchOptions
{
    public bool Smoke { get; init; }
    public IReadOnlyList<int> UserCounts { get; init; } = [1_000, 10_000, 100_000];
    public int LoginConcurrency { get; init; } = 8;
    public int PageConcurrency { get; init; } = 32;
    public TimeSpan LoginDuration { get; init; } = TimeSpan.FromSeconds(20);
    public TimeSpan PageDuration { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Load before the first measurement, until tiered JIT and dynamic PGO have settled on both servers.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(45);
    /// <summary>Sessions prepared past the password for the second-factor-step-alone measurement.</summary>
    public int StepSessions { get; init; } = 600;
    public bool Template { get; init; } = true;
    /// <summary>Also measure passwordless passkey sign-in (<c>--flow passkey</c>, on by default; <c>--flow totp</c> leaves it out).</summary>
    public bool Passkey { get; init; } = true;
    /// <summary>Users seeded with a passkey for that measurement (each is used by one virtual user at a time).</summary>
    public int PasskeyUsers { get; init; } = 500;
    public string? MarkdownPath { get; init; }
    /// <summary>When set, the run is a soak instead: full sign-ins, pages and sign-outs for this long, memory sampled.</summary>
    public TimeSpan? Soak { get; init; }

    public const string Usage = """
        Usage: dotnet run -c Release --project bench/TwoFactorDemo.Bench -- [options]
          --smoke                 a few seconds of each measurement (what ./test.sh runs)
          --users 1000,10000,...  user counts to measure at (growth), ascending
          --login-concurrency N   virtual users running full logins at once (default 8)
          --page-concurrency N    connections for the protected-page load (default 32)
          --login-seconds N       duration of each full-login measurement (default 20)
          --page-seconds N        duration of each page-load measurement (default 10)
          --warmup-seconds N      load before measuring, split between logins and pages (default 45)
          --step-sessions N       sessions prepared for the step-alone measurement (default 600)
          --no-template           skip the stock `dotnet new mvc --auth Individual` comparison
          --flow totp|passkey|all the sign-ins to measure: password + TOTP (always, it is the baseline), passkey =
                                  also passwordless passkey sign-in with a software authenticator (default: all)
          --markdown FILE         also write the results table to FILE
          --soak-seconds N        instead of the measurements: a soak of N seconds at --login-concurrency virtual users
                                  (default 64 for a soak), each signing in with password + TOTP, reading two pages and
                                  signing out; reports errors and resident memory over time (the reliability long mode)
        """;

    /// <summary>Parses the arguments; null (after printing why) when they are wrong.</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args, TextWriter errors)
    {
        var options = args.Contains("--smoke") ? SmokeDefaults : new BenchOptions();
        var loginConcurrencySet = false;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--smoke")
            {
                continue;
            }
            if (name == "--no-template")
            {
                options = options with { Template = false };
                continue;
            }
            if (i + 1 >= args.Count)
            {
                errors.WriteLine($"{name} needs a value.");
                return null;
            }
            var value = args[++i];
            switch (name)
            {
                case "--users" when TryParseCounts(value, out var counts):
                    options = options with { UserCounts = counts };
                    break;
                case "--login-concurrency" when TryPositive(value, out var n):
                    options = options with { LoginConcurrency = n };
                    loginConcurrencySet = true;
                    break;
                case "--page-concurrency" when TryPositive(value, out var n):
                    options = options with { PageConcurrency = n };
                    break;
                case "--login-seconds" when TryPositive(value, out var n):
                    options = options with { LoginDuration = TimeSpan.FromSeconds(n) };
                    break;
                case "--page-seconds" when TryPositive(value, out var n):
                    options = options with { PageDuration = TimeSpan.FromSeconds(n) };
                    break;
                case "--warmup-seconds" when TryPositive(value, out var n):
                    options = options with { WarmUp = TimeSpan.FromSeconds(n) };
                    break;
                case "--step-sessions" when TryPositive(value, out var n):
                    options = options with { StepSessions = n };
                    break;
                case "--flow" when value is "totp" or "passkey" or "all":
                    options = options with { Passkey = value != "totp" };
                    break;
                case "--soak-seconds" when TryPositive(value, out var n):
                    options = options with { Soak = TimeSpan.FromSeconds(n), LoginConcurrency = loginConcurrencySet ? options.LoginConcurrency : SoakConcurrency };
                    break;
                case "--markdown":
                    options = options with { MarkdownPath = Path.GetFullPath(value) };
                    break;
                default:
                    errors.WriteLine($"Unknown option or bad value: {name} {value}");
                    return null;
            }
        }
        return options;
    }

    /// <summary>Virtual users of a soak unless --login-concurrency says otherwise.</summary>
    private const int SoakConcurrency = 64;

    private static BenchOptions SmokeDefaults => new()
    {
        Smoke = true,
        UserCounts = [300],
        LoginConcurrency = 4,
        PageConcurrency = 8,
        LoginDuration = TimeSpan.FromSeconds(3),
        PageDuration = TimeSpan.FromSeconds(2),
        WarmUp = TimeSpan.FromSeconds(2),
        StepSessions = 20,
        PasskeyUsers = 40,
    };

    private static bool TryPositive(string value, out int n) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out n) && n > 0;

    private static bool TryParseCounts(string value, out int[] counts)
    {
        counts = [];
        var parts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var parsed = new List<int>();
        foreach (var part in parts)
        {
            if (!TryPositive(part.Replace("_", ""), out var n) || (parsed.Count > 0 && n <= parsed[^1]))
            {
                return false;
            }
            parsed.Add(n);
        }
        counts = [.. parsed];
        return counts.Length > 0;
    }
}
