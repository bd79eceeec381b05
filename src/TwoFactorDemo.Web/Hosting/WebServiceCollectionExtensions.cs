using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TwoFactorDemo.Web.Data;

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
        services.AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "tfd.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<CookieTempDataProviderOptions>(options => options.Cookie.Name = "tfd.tempdata");
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);

        // A relative path is taken from the content root; Path.Combine keeps an absolute one as it is.
        var keys = Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["DataProtection:KeysPath"] ?? "App_Data/keys");
        services.AddDataProtection().SetApplicationName("TwoFactorDemo").PersistKeysToFileSystem(new DirectoryInfo(keys));

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }
}
