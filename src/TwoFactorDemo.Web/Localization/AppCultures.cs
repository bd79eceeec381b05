using System.Globalization;

namespace TwoFactorDemo.Web.Localization;

/// <summary>
/// The languages the app speaks: English (the default) and Spanish, chosen by the browser's <c>Accept-Language</c>
/// unless the person picked one with the footer switch (remembered in <c>Presentation/LanguageCookie</c>). The pseudo-locale
/// <c>qps-ploc</c> (<see cref="PseudoStringLocalizer"/>) is offered only when <c>Localization:PseudoLocale</c> is true,
/// which the tests turn on to find strings that did not come from resources.
/// </summary>
public static class AppCultures
{
    public const string English = "en";
    public const string Spanish = "es";
    public const string Pseudo = "qps-ploc";

    public static readonly IReadOnlyList<string> Shipped = [English, Spanish];

    public static CultureInfo[] Supported(bool withPseudo) =>
        [.. Shipped.Concat(withPseudo ? [Pseudo] : []).Select(CultureInfo.GetCultureInfo)];

    /// <summary>The name of a shipped language in that language (how a switch labels it).</summary>
    public static string NativeName(string culture) => culture switch
    {
        Spanish => "Español",
        _ => "English",
    };
}
