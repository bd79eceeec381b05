using System.Text.Json;

namespace TwoFactorDemo.Tests.Infrastructure;

/// <summary>Makes recorder JSON for the phrase with a given rhythm (hold and gap in ms) and a little random jitter.</summary>
public static class TypingSamples
{
    public const string Phrase = "I am authenticated by the way I type";

    public static string Pattern(Random random, double hold, double gap, double jitter = 12, string phrase = Phrase)
    {
        var events = new List<object>();
        var t = 0.0;
        foreach (var c in phrase)
        {
            var h = hold + random.NextDouble() * jitter;
            events.Add(new { key = c.ToString(), down = Math.Round(t, 1), up = Math.Round(t + h, 1) });
            t += gap + random.NextDouble() * jitter;
        }
        return JsonSerializer.Serialize(new { phrase, events });
    }
}
