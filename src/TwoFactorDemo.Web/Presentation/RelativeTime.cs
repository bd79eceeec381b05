namespace TwoFactorDemo.Web.Presentation;

/// <summary>
/// "in 45 seconds", "2 minutes ago": a moment as people say it, relative to now. The server writes it into the page
/// (it works without script); <c>wwwroot/js/site.js</c> keeps it current with the same words and shows the local time.
/// A future moment rounds up (a countdown never says "now" early), a past one rounds down.
/// </summary>
public static class RelativeTime
{
    public static string Describe(DateTimeOffset at, DateTimeOffset now)
    {
        var seconds = (at - now).TotalSeconds;
        var future = seconds > 0;
        var size = Math.Abs(seconds);
        if (size < 1)
        {
            return "now";
        }
        var (count, unit) =
            size < 60 ? (Round(size, future), "second")
            : size < 3600 ? (Round(size / 60, future), "minute")
            : size < 172_800 ? (Round(size / 3600, future), "hour")
            : (Round(size / 86_400, future), "day");
        var words = $"{count} {unit}{(count == 1 ? "" : "s")}";
        return future ? $"in {words}" : $"{words} ago";
    }

    private static int Round(double value, bool up) => (int)(up ? Math.Ceiling(value) : Math.Floor(value));
}
