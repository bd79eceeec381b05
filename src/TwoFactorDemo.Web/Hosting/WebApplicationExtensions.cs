using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace TwoFactorDemo.Web.Hosting;

public static class WebApplicationExtensions
{
    public const int MaxQueryStringLength = 4096;

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
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/healthz").AllowAnonymous();
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
