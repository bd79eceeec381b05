using Microsoft.AspNetCore.Http;
using TwoFactorDemo.Web.Presentation;

namespace TwoFactorDemo.Web.Hosting;

/// <summary>
/// Cookie rules by environment: outside Development (unless <c>Hosting:RequireHttps=false</c>) every cookie is Secure
/// whatever the request's scheme (behind a TLS-terminating proxy the app may see plain HTTP) and carries the
/// <c>__Host-</c> prefix, so no subdomain or plain-HTTP page can set or overwrite it.
/// </summary>
public static class CookieSecurity
{
    public static bool RequiresHttps(this IHostApplicationBuilder builder) =>
        !builder.Environment.IsDevelopment()
        && (builder.Configuration.GetSection(HostingOptions.Section).Get<HostingOptions>() ?? new HostingOptions()).RequireHttps;

    /// <summary>A year-long cookie that remembers a reader's choice on the page (HttpOnly, SameSite=Lax), under the rules.</summary>
    public static PreferenceCookie ChoiceCookie(this IHostApplicationBuilder builder, string name)
    {
        var cookie = new CookieBuilder { HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax };
        cookie.Apply(builder, name);
        return new PreferenceCookie(cookie);
    }

    /// <summary>Applies the rules to one cookie named <paramref name="name"/> (without prefix).</summary>
    public static void Apply(this CookieBuilder cookie, IHostApplicationBuilder builder, string name)
    {
        var https = builder.RequiresHttps();
        cookie.Name = https ? "__Host-" + name : name;
        cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        cookie.Path = "/";
    }
}
