using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Startup;

namespace TwoFactorDemo.Web.Methods.Passkeys;

public static class PasskeysServiceCollectionExtensions
{
    /// <summary>
    /// Passkeys on Identity's own WebAuthn support (schema version 3's passkey table, <see cref="PasskeyHandler{TUser}"/>):
    /// attestation "none"; the relying party and the allowed origins from <c>Passkeys:*</c> outside Development, the
    /// request's own host and origin in Development.
    /// </summary>
    public static IHostApplicationBuilder AddPasskeys(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var settings = builder.Configuration.GetSection(PasskeysOptions.Section).Get<PasskeysOptions>() ?? new PasskeysOptions();
        var development = builder.Environment.IsDevelopment();
        if (!development && (string.IsNullOrWhiteSpace(settings.ServerDomain) || settings.AllowedOrigins.Length == 0))
        {
            StartupProblems.Report(builder, "Passkeys:ServerDomain (the site's domain, e.g. example.com) and Passkeys:AllowedOrigins (e.g. https://example.com) must be set: passkeys never take the site's name from a request.");
        }
        services.AddOptions<PasskeysOptions>().BindConfiguration(PasskeysOptions.Section);
        services.Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3);
        services.Configure<IdentityPasskeyOptions>(o =>
        {
            o.AttestationConveyancePreference = "none";
            o.UserVerificationRequirement = "preferred";
            o.ResidentKeyRequirement = "preferred";
            o.ServerDomain = development ? null : settings.ServerDomain;
            o.ValidateOrigin = context => ValueTask.FromResult(!context.CrossOrigin && IsAllowedOrigin(context.Origin, context.HttpContext));
        });
        bool IsAllowedOrigin(string? origin, HttpContext http) =>
            origin is not null && (development
                ? string.Equals(origin, $"{http.Request.Scheme}://{http.Request.Host}", StringComparison.OrdinalIgnoreCase)
                : settings.AllowedOrigins.Any(allowed => string.Equals(origin, allowed.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)));

        services.TryAddScoped<IPasskeyHandler<ApplicationUser>, PasskeyHandler<ApplicationUser>>();
        services.AddScoped<PasskeyCeremonies>();
        services.AddScoped<PasskeyList>();
        services.AddScoped<PasskeySignIn>();
        services.AddSecondFactorMethod<PasskeyMethod, PasskeyTokenProvider>(PasskeyMethod.MethodName);
        return builder;
    }
}
