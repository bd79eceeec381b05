using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.Startup;

namespace TwoFactorDemo.Web.Hosting;

public static class WebServiceCollectionExtensions
{
    /// <summary>
    /// MVC with antiforgery validated on every unsafe request, the clock, Data Protection keys kept under
    /// App_Data (they encrypt the TOTP secrets, so they must outlive a restart), and the health check.
    /// </summary>
    public static IHostApplicationBuilder AddAppWeb(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddControllersWithViews(options =>
        {
            options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            // No form here uses jQuery's a[b]=c keys, and the jQuery key normaliser threw on a key like "x[" (a 500
            // for anyone who posts one): plain form and query value providers only.
            options.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
            options.ValueProviderFactories.RemoveType<JQueryQueryStringValueProviderFactory>();
        })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((options, factory) =>
            ModelBindingMessages.Localize(options.ModelBindingMessageProvider, factory.Create(typeof(SharedResource))));
        services.Configure<RazorViewEngineOptions>(options => options.ViewLocationExpanders.Add(new FeatureFolderViewLocationExpander()));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Apply(builder, "tfd.antiforgery");
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<CookieTempDataProviderOptions>(options => options.Cookie.Apply(builder, "tfd.tempdata"));
        services.AddSingleton(new Presentation.ColourThemeCookie(builder.ChoiceCookie(Presentation.ColourThemeCookie.BaseName)));
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);

        if (ProductionRequirements.Problems(builder.Configuration, builder.Environment).Concat(StartupProblems.Of(builder)).ToList() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException("TwoFactorDemo will not start outside Development until these are set:"
                + string.Concat(problems.Select(p => Environment.NewLine + "- " + p)));
        }
        services.AddOptions<HostingOptions>().BindConfiguration(HostingOptions.Section);
        // Behind a TLS-terminating proxy the app sees no HTTPS port of its own: plain HTTP goes to the standard one.
        services.AddHttpsRedirection(options => options.HttpsPort = builder.Configuration.GetValue<int?>("Hosting:HttpsPort") ?? 443);

        // A relative path is taken from the content root; Path.Combine keeps an absolute one as it is.
        var keys = Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["DataProtection:KeysPath"] ?? "App_Data/keys");
        var dataProtection = services.AddDataProtection().SetApplicationName("TwoFactorDemo").PersistKeysToFileSystem(new DirectoryInfo(keys));
        if (builder.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(certificate, builder.Configuration["DataProtection:CertificatePassword"]));
        }

        // Forwarded headers only from the proxies named in settings: with none, a client's X-Forwarded-For is ignored,
        // and with them, limits are keyed on the real client, not on the proxy's one address.
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in builder.Configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        // /healthz: the process answers (no checks); /readyz: the database answers and accepts a write, and mail is moving.
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<TwoFactorDemo.Web.Outbox.OutboxHealthCheck>("outbox", tags: ["ready"]);
        return builder;
    }
}
