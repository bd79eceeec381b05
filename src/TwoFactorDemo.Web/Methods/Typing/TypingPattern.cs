using System.Text.Json;
using System.Text.Json.Serialization;
using TwoFactorDemo.Web.Localization;

namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>
/// What the browser's recorder posts in <c>Pattern</c>: <c>{"phrase": "...", "events": [{"key": "I", "down": 0.0, "up": 95.3}, …]}</c>.
/// <see cref="TryParse"/> refuses anything a person typing the phrase could not have produced.
/// </summary>
public sealed class TypingPattern
{
    public const int MaxLength = 20_000;

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    [JsonPropertyName("phrase")]
    public string? Phrase { get; init; }

    [JsonPropertyName("events")]
    public List<KeystrokeEvent>? Events { get; init; }

    /// <summary>The parsed pattern, or the sentence that says what is wrong with it (a resource key: the caller localizes it).</summary>
    public static (TypingPattern? Pattern, string? Error) TryParse(string? json, string expectedPhrase)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, TextKey.Of("Type the phrase in the box (this needs JavaScript)."));
        }
        if (json.Length > MaxLength)
        {
            return (null, TextKey.Of("That typing sample is too large."));
        }
        TypingPattern? pattern;
        try
        {
            pattern = JsonSerializer.Deserialize<TypingPattern>(json, JsonOptions);
        }
        catch (JsonException)
        {
            return (null, TextKey.Of("That typing sample could not be read. Type the phrase again."));
        }
        if (pattern?.Events is not { } events || pattern.Phrase is null || events.Any(e => e is null))
        {
            return (null, TextKey.Of("That typing sample is incomplete. Type the phrase again."));
        }
        if (pattern.Phrase != expectedPhrase || events.Count != expectedPhrase.Length
            || !events.Select(e => e.Key).SequenceEqual(expectedPhrase.Select(c => c.ToString())))
        {
            return (null, TextKey.Of("The typed text must be exactly the phrase shown. Type it again."));
        }
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var hold = e.Up - e.Down;
            if (!double.IsFinite(e.Down) || !double.IsFinite(e.Up) || e.Down < 0 || hold <= 0 || hold > 2_000
                || (i > 0 && (e.Down < events[i - 1].Down || e.Down - events[i - 1].Down > 5_000)))
            {
                return (null, TextKey.Of("That doesn't look like typing (the key times are impossible). Type the phrase again."));
            }
        }
        return IsImplausible(events) ? (null, ImplausibleMessage) : (pattern, null);
    }

    /// <summary>What a refused synthetic or machine-made sample is told.</summary>
    public static readonly string ImplausibleMessage = TextKey.Of("That doesn't look like a person typing (the rhythm is too regular). Type the phrase yourself.");

    // People's hold times vary by 4 % or more of their mean within one sample, and the gaps between key presses by far more
    // (MEU-Mobile KSD: the most regular of 1,428 samples had 4.3 % and 36 %); browsers time keys to 0.1 ms or 1 ms.
    private const double MinVariation = 0.02;
    private const double CoarsestTick = 5; // ms: every time a multiple of this is a generated sample, not a browser's clock

    /// <summary>
    /// True for samples no browser recording a person produces: holds or gaps that hardly vary (a rhythm made from a
    /// formula), or times all on a coarse grid (issue 13, finding 5). The matcher never sees them.
    /// </summary>
    public static bool IsImplausible(IReadOnlyList<KeystrokeEvent> events)
    {
        var holds = events.Select(e => e.Up - e.Down).ToArray();
        var gaps = events.Zip(events.Skip(1), (a, b) => b.Down - a.Down).ToArray();
        var start = events[0].Down;
        var onGrid = events.All(e => IsMultiple(e.Down - start, CoarsestTick) && IsMultiple(e.Up - start, CoarsestTick));
        return Variation(holds) < MinVariation || Variation(gaps) < MinVariation || onGrid;
    }

    private static double Variation(double[] values)
    {
        var mean = values.Average();
        var deviation = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
        return mean <= 0 ? 0 : deviation / mean;
    }

    private static bool IsMultiple(double value, double tick) => Math.Abs(value / tick - Math.Round(value / tick)) < 1e-6;

}
