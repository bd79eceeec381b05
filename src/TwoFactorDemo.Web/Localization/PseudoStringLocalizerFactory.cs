using System.Collections.Concurrent;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace TwoFactorDemo.Web.Localization;

/// <summary>
/// The resource localizer factory, each localizer wrapped in a <see cref="PseudoStringLocalizer"/> and kept: every view,
/// tag helper and service asks for one, and the framework's factory reads the assembly's attributes again on each
/// call (the load benchmark's /Security page ran at a third of its speed until these were cached).
/// </summary>
public sealed class PseudoStringLocalizerFactory(IOptions<LocalizationOptions> options, ILoggerFactory loggers) : IStringLocalizerFactory
{
    private readonly ResourceManagerStringLocalizerFactory _inner = new(options, loggers);
    private readonly ConcurrentDictionary<Type, IStringLocalizer> _byType = new();
    private readonly ConcurrentDictionary<(string, string), IStringLocalizer> _byName = new();

    public IStringLocalizer Create(Type resourceSource) =>
        _byType.GetOrAdd(resourceSource, type => new PseudoStringLocalizer(_inner.Create(type)));

    public IStringLocalizer Create(string baseName, string location) =>
        _byName.GetOrAdd((baseName, location), key => new PseudoStringLocalizer(_inner.Create(key.Item1, key.Item2)));
}
