using System.Text.Json;

namespace TwoFactorDemo.Tests.Infrastructure;

/// <summary>Makes recorder JSON for the phrase with a given rhythm (hold and gap in ms) and a little random jitter.</summary>
public static class TypingSamples
{
    public const string Phrase = "I am authenticated by the way I type";

    /// <summary>Samples the app asks for at enrolment (its default setting).</summary>
    public static readonly int EnrolmentSamples = new TwoFactorDemo.Web.Methods.Typing.TypingOptions().EnrolmentSamples;

    public static string Pattern(Random random, double hold, double gap, double jitter = 12, string phrase = Phrase)
    {
        var events = new List<object>();
        var t = 0.0;
        for (var i = 0; i < phrase.Length; i++)
        {
            // A person's holds and gaps differ from key to key (a fixed shape, 0.75 to 1.25 of the pace), plus jitter:
            // a rhythm with no such variation is refused as machine-made.
            var h = hold * Shape(i) + random.NextDouble() * jitter;
            events.Add(new { key = phrase[i].ToString(), down = Math.Round(t, 1), up = Math.Round(t + h, 1) });
            t += gap * Shape(i + 5) + random.NextDouble() * jitter;
        }
        return JsonSerializer.Serialize(new { phrase, events });
    }

    private static double Shape(int position) => 0.75 + 0.5 * (position * 7 % 11) / 10.0;
}
