using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace TwoFactorDemo.Web.Hosting;

public static class WebApplicationExtensions
{
    public const int MaxQueryStringLength = 4096;

    private static readonly HashSet<string> AcceptedFormCharsets = new(["utf-8", "us-ascii", "iso-8859-1"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The request pipeline: friendly error and status pages (never a stack trace), security headers,
    /// authentication, the second-factor policy on every endpoint but the public ones, and the routes.
    /// </summary>
    public static WebApplication UseAppPipeline(this WebApplication app)
    {
        // With no proxy named in settings the middleware would trust every client's X-Forwarded-For: not added at all.
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value is { } forwarded
            && (forwarded.KnownProxies.Count > 0 || forwarded.KnownIPNetworks.Count > 0))
        {
            app.UseForwardedHeaders();
        }
        // The language first, so that error and status pages speak it too.
        app.UseRequestLocalization();
        app.UseExceptionHandler("/Home/Error");
        if (!app.Environment.IsDevelopment() && app.Services.GetRequiredService<IOptions<HostingOptions>>().Value.RequireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseStatusCodePagesWithReExecute("/Home/Status/{0}");
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // No page takes anything near this much in its query string; refuse it before any work is done.
        app.Use((context, next) =>
        {
            if (context.Request.QueryString.Value?.Length > MaxQueryStringLength)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return Task.CompletedTask;
            }
            return next(context);
        });
        // A form in a charset .NET will not decode (UTF-7) threw while it was read: refuse it with 415 before anything reads it.
        app.Use((context, next) =>
        {
            if (context.Request.HasFormContentType && MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
                && type.Charset.HasValue && !AcceptedFormCharsets.Contains(type.Charset.Value.Trim('"')))
            {
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                context.Request.ContentType = null; // the status page re-runs this request: it must not try to read that form either
                return Task.CompletedTask;
            }
            return next(context);
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapControllerRoute(name: "areas", pattern: "{area:exists}/{controller=Home}/{action=Index}/{id?}");
        app.MapControllerRoute(name: "default", pattern: "{controller=Home}/{action=Index}/{id?}").WithStaticAssets();
        // Unknown addresses get the friendly 404 page, not the fallback policy's login redirect.
        app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        return app;
    }
}
