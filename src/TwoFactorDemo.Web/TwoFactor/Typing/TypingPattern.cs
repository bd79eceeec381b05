using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TwoFactorDemo.Web.TwoFactor.Typing;

/// <summary>
/// What the browser's recorder posts in <c>Pattern</c>: <c>{"phrase": "...", "events": [{"key": "I", "down": 0.0, "up": 95.3}, …]}</c>.
/// <see cref="TryParse"/> refuses anything a person typing the phrase could not have produced.
/// </summary>
public sealed class TypingPattern
{
    public const int MaxLength = 20_000;

    [JsonPropertyName("phrase")]
    public string? Phrase { get; init; }

    [JsonPropertyName("events")]
    public List<KeystrokeEvent>? Events { get; init; }

    /// <summary>The parsed pattern, or the sentence that says what is wrong with it.</summary>
    public static (TypingPattern? Pattern, string? Error) TryParse(string? json, string expectedPhrase)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, "Type the phrase in the box (this needs JavaScript).");
        }
        if (json.Length > MaxLength)
        {
            return (null, "That typing sample is too large.");
        }
        TypingPattern? pattern;
        try
        {
            pattern = JsonSerializer.Deserialize<TypingPattern>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
        }
        catch (JsonException)
        {
            return (null, "That typing sample could not be read. Type the phrase again.");
        }
        if (pattern?.Events is not { } events || pattern.Phrase is null)
        {
            return (null, "That typing sample is incomplete. Type the phrase again.");
        }
        if (pattern.Phrase != expectedPhrase || events.Count != expectedPhrase.Length
            || !events.Select(e => e.Key).SequenceEqual(expectedPhrase.Select(c => c.ToString())))
        {
            return (null, "The typed text must be exactly the phrase shown. Type it again.");
        }
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var hold = e.Up - e.Down;
            if (!double.IsFinite(e.Down) || !double.IsFinite(e.Up) || e.Down < 0 || hold <= 0 || hold > 2_000
                || (i > 0 && (e.Down < events[i - 1].Down || e.Down - events[i - 1].Down > 5_000)))
            {
                return (null, "That doesn't look like typing (the key times are impossible). Type the phrase again.");
            }
        }
        return (pattern, null);
    }

    /// <summary>A fingerprint of the exact timings, to refuse a replayed sample.</summary>
    public string Hash() =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(';', Events!.Select(e => $"{e.Down:R},{e.Up:R}")))));
}
