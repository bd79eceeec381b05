using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Localization;

namespace TwoFactorDemo.Tests.Infrastructure;

/// <summary>The app's own resources (the real .resx, through ASP.NET Core's localizer) in one language, for unit tests.</summary>
public sealed class AppText(string culture) : IStringLocalizer<SharedResource>
{
    public static readonly AppText English = new("en");
    public static readonly AppText Spanish = new("es");

    /// <summary>How every lockout sentence of the second step starts in English (the end says until when, or why).</summary>
    public const string LockedOutStart = "Too many wrong codes. For your safety this account is locked";

    private static readonly IStringLocalizer Resources =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(SharedResource));

    public LocalizedString this[string name] => In(() => Resources[name]);

    public LocalizedString this[string name, params object[] arguments] => In(() => Resources[name, arguments]);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => In(() => Resources.GetAllStrings(includeParentCultures).ToList());

    private T In<T>(Func<T> read)
    {
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return read();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats);
        }
    }
}
