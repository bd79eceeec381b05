using Microsoft.AspNetCore.Localization;

namespace TwoFactorDemo.Web.Presentation;

/// <summary>
/// The cookie that remembers a language picked with the footer switch, read by ASP.NET Core's
/// <see cref="CookieRequestCultureProvider"/> ahead of <c>Accept-Language</c>; under the same rules as every other
/// cookie (<c>Hosting/CookieSecurity</c>), HttpOnly, a year long.
/// </summary>
public sealed class LanguageCookie(CookieBuilder cookie)
{
    public const string BaseName = "tfd.language";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    /// <summary>Remembers <paramref name="culture"/> (one of <see cref="AppCultures.Shipped"/> or the pseudo-locale).</summary>
    public void Write(HttpContext context, string culture)
    {
        var options = cookie.Build(context);
        options.MaxAge = Lifetime;
        options.Expires = null;
        context.Response.Cookies.Append(cookie.Name!, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), options);
    }
}
