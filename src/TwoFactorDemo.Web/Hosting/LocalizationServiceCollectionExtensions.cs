using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.Presentation;

namespace TwoFactorDemo.Web.Hosting;

public static class LocalizationServiceCollectionExtensions
{
    /// <summary>
    /// Localization: every user-facing string from <see cref="SharedResource"/> (views through <c>IHtmlLocalizer</c>,
    /// code through <c>IStringLocalizer</c>, data annotations and model-binding messages too); the culture from the
    /// remembered switch, else <c>Accept-Language</c>, else English. Dates and numbers follow it.
    /// </summary>
    public static IHostApplicationBuilder AddAppLocalization(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddLocalization();
        services.AddSingleton<IStringLocalizerFactory, PseudoStringLocalizerFactory>();

        var cookie = new LanguageCookie(builder.ChoiceCookie(LanguageCookie.BaseName));
        services.AddSingleton(cookie);

        var cultures = AppCultures.Supported(builder.Configuration.GetValue<bool>("Localization:PseudoLocale"));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(AppCultures.English);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = cookie.Name },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }
}
