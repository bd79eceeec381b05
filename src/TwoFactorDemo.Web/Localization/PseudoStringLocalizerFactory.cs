using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace TwoFactorDemo.Web.Localization;

/// <summary>The resource localizer factory, each localizer wrapped in a <see cref="PseudoStringLocalizer"/>.</summary>
public sealed class PseudoStringLocalizerFactory(IOptions<LocalizationOptions> options, ILoggerFactory loggers) : IStringLocalizerFactory
{
    private readonly ResourceManagerStringLocalizerFactory _inner = new(options, loggers);

    public IStringLocalizer Create(Type resourceSource) => new PseudoStringLocalizer(_inner.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new PseudoStringLocalizer(_inner.Create(baseName, location));
}
