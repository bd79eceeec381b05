namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>
/// The feature vector of Killourhy &amp; Maxion (2009): for n keys, the n hold times (up − down), then the
/// n − 1 down-down and n − 1 up-down latencies between consecutive keys, interleaved per key pair as in
/// the CMU dataset's columns (H.k, DD.k.k', UD.k.k', H.k', …).
/// </summary>
public static class TypingFeatures
{
    public static double[] Extract(IReadOnlyList<KeystrokeEvent> events)
    {
        var features = new List<double>(events.Count * 3);
        for (var i = 0; i < events.Count; i++)
        {
            features.Add(events[i].Up - events[i].Down);
            if (i + 1 < events.Count)
            {
                features.Add(events[i + 1].Down - events[i].Down);
                features.Add(events[i + 1].Down - events[i].Up);
            }
        }
        return features.ToArray();
    }
}
