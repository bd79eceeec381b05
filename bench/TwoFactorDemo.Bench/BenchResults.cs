namespace TwoFactorDemo.Bench;

/// <summary>Everything one run measured.</summary>
public sealed class BenchResults
{
    public required BenchOptions Options { get; init; }
    public required DateTimeOffset Started { get; init; }
    /// <summary>The first KDF measurement; each login measurement keeps the one taken right before it.</summary>
    public required KdfProbe Kdf { get; init; }

    public IEnumerable<KdfProbe> AllKdf => new[] { Kdf }.Concat(Template is { } t ? [t.Kdf] : []).Concat(Levels.Select(l => l.Kdf));
    public TemplateResult? Template { get; set; }
    public List<LevelResult> Levels { get; } = [];
    public StepAloneResult? StepAlone { get; set; }
    /// <summary>Passwordless passkey sign-ins (user verified), at the largest user count.</summary>
    public LoadResult? Passkey { get; set; }
    public long AppPeakBytes { get; set; }
    public TimeSpan Took { get; set; }

    public IEnumerable<LoadResult> AllLoads =>
        Levels.SelectMany(l => new[] { l.Login, l.ProtectedPage, l.AccountPage })
            .Concat(StepAlone is { } s ? [s.Password, s.Code] : [])
            .Concat(Passkey is { } p ? [p] : [])
            .Concat(Template is { } t ? [t.Login, t.Page] : []);

    public int Errors => AllLoads.Sum(l => l.Errors);
}

/// <summary>The app measured with a given number of users in its database.</summary>
public sealed record LevelResult(int Users, TimeSpan SeedTime, KdfProbe Kdf, LoadResult Login, LoadResult ProtectedPage, LoadResult AccountPage, long PeakBytesSoFar);

/// <summary>Each step of the sign-in measured on its own: sessions prepared, then only that POST timed.</summary>
public sealed record StepAloneResult(LoadResult Password, LoadResult Code)
{
    public double Ratio => Code.PerSecond / Password.PerSecond;
}

/// <summary>The stock template under the same load.</summary>
public sealed record TemplateResult(KdfProbe Kdf, LoadResult Login, LoadResult Page, long PeakBytes);
