using Microsoft.Extensions.Localization;

namespace TwoFactorDemo.Web.Presentation;

/// <summary>
/// "in 45 seconds", "2 minutes ago": a moment as people say it, relative to now, in the reader's language (the words
/// are resources). The server writes it into the page (it works without script); <c>wwwroot/js/site.js</c> keeps it
/// current with the browser's <c>Intl.RelativeTimeFormat</c> in the page's language and shows the local time. A future
/// moment rounds up (a countdown never says "now" early), a past one rounds down.
/// </summary>
public static class RelativeTime
{
    public static string Describe(DateTimeOffset at, DateTimeOffset now, IStringLocalizer T)
    {
        var seconds = (at - now).TotalSeconds;
        var future = seconds > 0;
        var size = Math.Abs(seconds);
        if (size < 1)
        {
            return T["now"];
        }
        var (count, unit) =
            size < 60 ? (Round(size, future), Unit.Second)
            : size < 3600 ? (Round(size / 60, future), Unit.Minute)
            : size < 172_800 ? (Round(size / 3600, future), Unit.Hour)
            : (Round(size / 86_400, future), Unit.Day);
        var one = count == 1;
        return (unit, future, one) switch
        {
            (Unit.Second, true, true) => T["in 1 second"],
            (Unit.Second, true, false) => T["in {0} seconds", count],
            (Unit.Second, false, true) => T["1 second ago"],
            (Unit.Second, false, false) => T["{0} seconds ago", count],
            (Unit.Minute, true, true) => T["in 1 minute"],
            (Unit.Minute, true, false) => T["in {0} minutes", count],
            (Unit.Minute, false, true) => T["1 minute ago"],
            (Unit.Minute, false, false) => T["{0} minutes ago", count],
            (Unit.Hour, true, true) => T["in 1 hour"],
            (Unit.Hour, true, false) => T["in {0} hours", count],
            (Unit.Hour, false, true) => T["1 hour ago"],
            (Unit.Hour, false, false) => T["{0} hours ago", count],
            (Unit.Day, true, true) => T["in 1 day"],
            (Unit.Day, true, false) => T["in {0} days", count],
            (Unit.Day, false, true) => T["1 day ago"],
            _ => T["{0} days ago", count],
        };
    }

    private enum Unit { Second, Minute, Hour, Day }

    private static int Round(double value, bool up) => (int)(up ? Math.Ceiling(value) : Math.Floor(value));
}
