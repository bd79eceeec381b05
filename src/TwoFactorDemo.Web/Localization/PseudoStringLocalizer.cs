using System.Globalization;
using Microsoft.Extensions.Localization;

namespace TwoFactorDemo.Web.Localization;

/// <summary>
/// In the pseudo-locale, wraps every string found in the resources in ⟦ ⟧ (arguments included), and leaves a key
/// that is not in the resources bare: a page rendered in <c>qps-ploc</c> shows at a glance, and to a test, every piece of
/// text that did not come from resources. In every other culture it passes straight through.
/// </summary>
public sealed class PseudoStringLocalizer(IStringLocalizer inner) : IStringLocalizer
{
    public const string Open = "⟦";
    public const string Close = "⟧";

    public LocalizedString this[string name] => Wrap(inner[name]);

    public LocalizedString this[string name, params object[] arguments] => Wrap(inner[name, arguments]);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

    private static LocalizedString Wrap(LocalizedString found) =>
        found.ResourceNotFound || !IsPseudo(CultureInfo.CurrentUICulture)
            ? found
            : new LocalizedString(found.Name, Open + found.Value + Close, false, found.SearchedLocation);

    private static bool IsPseudo(CultureInfo culture) => culture.Name.Equals(AppCultures.Pseudo, StringComparison.OrdinalIgnoreCase);
}
