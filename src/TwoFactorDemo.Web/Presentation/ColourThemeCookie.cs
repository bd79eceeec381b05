namespace TwoFactorDemo.Web.Presentation;

/// <summary>
/// The cookie that remembers the colour mode, under the same rules as every other cookie (<c>Hosting/CookieSecurity</c>:
/// outside Development Secure with the <c>__Host-</c> prefix), HttpOnly (the page carries the choice for <c>theme.js</c>), a year long.
/// </summary>
public sealed class ColourThemeCookie(CookieBuilder cookie)
{
    public const string BaseName = "tfd.theme";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    /// <summary>The remembered choice, or auto for a missing or unknown cookie.</summary>
    public string Read(HttpRequest request) =>
        request.Cookies.TryGetValue(cookie.Name!, out var value) && value is ColourTheme.Light or ColourTheme.Dark ? value : ColourTheme.Auto;

    /// <summary>Remembers <paramref name="theme"/>; auto forgets the choice (no cookie).</summary>
    public void Write(HttpContext context, string theme)
    {
        var options = cookie.Build(context);
        if (theme == ColourTheme.Auto)
        {
            context.Response.Cookies.Delete(cookie.Name!, options);
            return;
        }
        options.MaxAge = Lifetime;
        options.Expires = null;
        context.Response.Cookies.Append(cookie.Name!, theme, options);
    }
}
