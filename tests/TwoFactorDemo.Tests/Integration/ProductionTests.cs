using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Web.Audit;

namespace TwoFactorDemo.Tests.Integration;

/// <summary>Issue 13 finding 8: what the app refuses and enforces outside Development.</summary>
public class ProductionTests
{
    // "Production starts silently on the dev mailbox and the dev SMS outbox"; "the key ring sits unencrypted beside the database".
    [Fact]
    public void Finding8_production_refuses_to_start_without_its_settings_and_names_each()
    {
        using var app = new TestApp(new()
        {
            ["Email:LinkBaseUrl"] = null, ["Hosting:AllowDevProviders"] = "false",
            ["DataProtection:KeysPath"] = null, ["DataProtection:CertificatePath"] = null,
            ["Passkeys:ServerDomain"] = null, ["Passkeys:AllowedOrigins:0"] = null, ["AllowedHosts"] = "*",
        }, environment: "Production");

        var error = Assert.ThrowsAny<Exception>(() => app.NewBrowser()).ToString();

        foreach (var key in new[] { "Email:LinkBaseUrl", "Email:Provider", "Sms:Provider", "DataProtection:KeysPath", "DataProtection:CertificatePath", "Passkeys:ServerDomain", "AllowedHosts" })
        {
            Assert.Contains(key, error);
        }
    }

    // Issue 17: outside Development only the configured host names are served (AllowedHosts is required, never *).
    [Fact]
    public async Task Production_refuses_a_request_for_another_host_name()
    {
        using var app = new TestApp(environment: "Production");
        using var browser = app.NewBrowser();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await browser.GetAsync("/Account/Login")).Status);

        browser.Client.DefaultRequestHeaders.Host = "evil.example";
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await browser.GetAsync("/Account/Login")).Status);
    }

    // Issue 15: outside Development the relying party is Passkeys:ServerDomain, whatever Host the request names.
    [Fact]
    public async Task Passkeys_take_the_site_from_settings_never_from_the_Host_header()
    {
        // Even a host name the site answers to (AllowedHosts) does not choose the relying party.
        using var app = new TestApp(new() { ["AllowedHosts"] = "localhost;login.example-phish.test" }, environment: "Production");
        var browser = app.NewBrowser();
        browser.Client.DefaultRequestHeaders.Host = "login.example-phish.test";

        var login = await browser.GetAsync("/Account/Login");
        var options = await browser.SubmitAsync(login, "#passkey-signin-form", action: "/Account/Passkey/Options");

        Assert.Equal(HttpStatusCode.OK, options.Status);
        Assert.Equal("localhost", System.Text.Json.JsonDocument.Parse(options.Html).RootElement.GetProperty("rpId").GetString());
    }

    [Fact]
    public void Finding8_keys_inside_the_database_folder_are_refused()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tfd-data-" + Guid.NewGuid().ToString("N"));
        using var app = new TestApp(new()
        {
            ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(folder, "app.db")}",
            ["DataProtection:KeysPath"] = Path.Combine(folder, "keys"),
        }, environment: "Production");

        var error = Assert.ThrowsAny<Exception>(() => app.NewBrowser()).ToString();

        Assert.Contains("is inside the database's folder", error);
    }

    // "Behind a TLS-terminating proxy the session cookie has no Secure flag, no HSTS is sent".
    [Fact]
    public async Task Finding8_behind_a_proxy_every_cookie_is_secure_with_the_host_prefix_and_http_is_redirected()
    {
        using var app = new TestApp(new() { ["AllowedHosts"] = "localhost;twofactordemo.test" }, environment: "Production");
        var stories = new UserStories(app);
        var (_, user) = await stories.RegisterWithTotpAsync();
        var browser = app.NewBrowser();

        var login = await browser.GetAsync("/Account/Login");
        var afterPassword = await browser.SubmitAsync(login, "main form", new Dictionary<string, string> { ["Email"] = user.Email, ["Password"] = user.Password });

        var cookies = afterPassword.Response.Headers.GetValues("Set-Cookie").ToList();
        var session = Assert.Single(cookies, c => c.StartsWith("__Host-tfd.session="));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", session, StringComparison.OrdinalIgnoreCase);
        // The colour-mode cookie (issue 18, item 11) follows the same rule.
        var themed = await browser.SubmitAsync(await browser.GetAsync("/Account/Login"), "#theme-switch", new Dictionary<string, string> { ["theme"] = "dark" });
        var theme = Assert.Single(themed.Response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-tfd.theme=dark"));
        Assert.Contains("secure", theme, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", theme, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("dark", (await browser.GetAsync("/Account/Login")).Attr("html", "data-bs-theme"));
        // HSTS is never sent to localhost (a developer's browser would remember it): ask as the public site.
        using var site = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://twofactordemo.test") });
        Assert.True((await site.GetAsync("/Account/Login")).Headers.Contains("Strict-Transport-Security"));

        using var plain = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        var redirected = await plain.GetAsync("/Account/Login");
        Assert.True(redirected.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect, $"{redirected.StatusCode}");
        Assert.Equal("https", redirected.Headers.Location!.Scheme);
    }

    // "Every client shares the proxy's address": forwarded headers count only from the proxies in settings.
    [Theory]
    [InlineData(null, "127.0.0.1")]
    [InlineData("127.0.0.1", "203.0.113.7")]
    public async Task Finding8_the_client_address_comes_from_forwarded_headers_only_through_a_known_proxy(string? proxy, string recorded)
    {
        using var app = new TestApp(proxy is null ? null : new() { ["ForwardedHeaders:KnownProxies:0"] = proxy }, environment: "Production");
        var browser = app.NewBrowser();
        browser.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        var login = await browser.GetAsync("/Account/Login");

        await browser.SubmitAsync(login, "main form", new Dictionary<string, string> { ["Email"] = "nobody@example.test", ["Password"] = "not the password at all" });

        var ip = await app.WithDbAsync(db => db.SecurityEvents.Where(e => e.Kind == SecurityEventKinds.PasswordFailed).Select(e => e.IpAddress).SingleAsync());
        Assert.Equal(recorded, ip);
    }
}
