using Microsoft.AspNetCore.Localization;

namespace TwoFactorDemo.Web.Presentation;

/// <summary>
/// The language picked with the footer switch (a <see cref="PreferenceCookie"/>), read by ASP.NET Core's
/// <see cref="CookieRequestCultureProvider"/> ahead of <c>Accept-Language</c>.
/// </summary>
public sealed class LanguageCookie(PreferenceCookie cookie)
{
    public const string BaseName = "tfd.language";

    public string Name => cookie.Name;

    /// <summary>Remembers <paramref name="culture"/> (one of <see cref="Localization.AppCultures.Shipped"/> or the pseudo-locale).</summary>
    public void Write(HttpContext context, string culture) =>
        cookie.Remember(context, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)));
}
