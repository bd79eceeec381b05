namespace TwoFactorDemo.Web.Presentation;

/// <summary>The remembered colour mode (a <see cref="PreferenceCookie"/>; HttpOnly: the page carries the choice for <c>theme.js</c>).</summary>
public sealed class ColourThemeCookie(PreferenceCookie cookie)
{
    public const string BaseName = "tfd.theme";

    /// <summary>The remembered choice, or auto for a missing or unknown cookie.</summary>
    public string Read(HttpRequest request) => cookie.Read(request) is (ColourTheme.Light or ColourTheme.Dark) and var value ? value : ColourTheme.Auto;

    /// <summary>Remembers <paramref name="theme"/>; auto forgets the choice (no cookie).</summary>
    public void Write(HttpContext context, string theme)
    {
        if (theme == ColourTheme.Auto)
        {
            cookie.Forget(context);
            return;
        }
        cookie.Remember(context, theme);
    }
}
