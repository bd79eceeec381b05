namespace TwoFactorDemo.Web.Presentation;

/// <summary>
/// A cookie that remembers a reader's choice on the page (the colour mode, the language) for a year, under the same
/// rules as every other cookie (<c>Hosting/CookieSecurity</c>: outside Development Secure with the <c>__Host-</c>
/// prefix), HttpOnly and SameSite=Lax. The one place such a choice is read, written and forgotten.
/// </summary>
public sealed class PreferenceCookie(CookieBuilder cookie)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    public string Name => cookie.Name!;

    /// <summary>The remembered value, or null.</summary>
    public string? Read(HttpRequest request) => request.Cookies.TryGetValue(Name, out var value) ? value : null;

    public void Remember(HttpContext context, string value)
    {
        var options = cookie.Build(context);
        options.MaxAge = Lifetime;
        options.Expires = null;
        context.Response.Cookies.Append(Name, value, options);
    }

    public void Forget(HttpContext context) => context.Response.Cookies.Delete(Name, cookie.Build(context));
}
