using Microsoft.Extensions.Localization;

namespace TwoFactorDemo.Web.Sessions;

/// <summary>
/// "Chrome on Windows", "Safari on iPhone": a browser's User-Agent in words a person recognises, for pages and mails
/// that say where a request came from. Only the common families; anything else is "a web browser". What is stored is
/// the language-neutral <see cref="Identify"/> ("Chrome/Windows"); <see cref="Describe"/> puts it in the reader's words.
/// </summary>
public static class DeviceDescriptions
{
    /// <summary>"Chrome/Windows", "/iPhone", "/" for unknown: the families found, kept as data.</summary>
    public static string Identify(string? userAgent)
    {
        var ua = userAgent ?? "";
        var browser =
            ua.Contains("Edg/", StringComparison.Ordinal) ? "Edge"
            : ua.Contains("OPR/", StringComparison.Ordinal) ? "Opera"
            : ua.Contains("Firefox/", StringComparison.Ordinal) || ua.Contains("FxiOS/", StringComparison.Ordinal) ? "Firefox"
            : ua.Contains("Chrome/", StringComparison.Ordinal) || ua.Contains("CriOS/", StringComparison.Ordinal) ? "Chrome"
            : ua.Contains("Safari/", StringComparison.Ordinal) && ua.Contains("Version/", StringComparison.Ordinal) ? "Safari"
            : null;
        var system =
            ua.Contains("iPhone", StringComparison.Ordinal) ? "iPhone"
            : ua.Contains("iPad", StringComparison.Ordinal) ? "iPad"
            : ua.Contains("Android", StringComparison.Ordinal) ? "Android"
            : ua.Contains("Windows", StringComparison.Ordinal) ? "Windows"
            : ua.Contains("Mac OS X", StringComparison.Ordinal) || ua.Contains("Macintosh", StringComparison.Ordinal) ? "macOS"
            : ua.Contains("CrOS", StringComparison.Ordinal) ? "ChromeOS"
            : ua.Contains("Linux", StringComparison.Ordinal) ? "Linux"
            : null;
        return $"{browser}/{system}";
    }

    /// <summary>An <see cref="Identify"/> result (or null) in words: "Chrome on Windows", "a web browser".</summary>
    public static string Describe(string? identified, IStringLocalizer T)
    {
        var parts = (identified ?? "/").Split('/', 2);
        var browser = parts[0] is { Length: > 0 } b ? b : null;
        var system = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null;
        return (browser, system) switch
        {
            (not null, not null) => T["{0} on {1}", browser, system],
            (not null, null) => browser,
            (null, not null) => T["a web browser on {0}", system],
            _ => T["a web browser"],
        };
    }
}
