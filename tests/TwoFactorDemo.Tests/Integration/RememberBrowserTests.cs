using System.Net;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Tests.Pages;

namespace TwoFactorDemo.Tests.Integration;

public class RememberBrowserTests : AppTest
{
    [Fact]
    public async Task A_remembered_browser_skips_the_challenge_with_the_claim_remembered()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var (browser, verified) = await Stories.LoginWithTotpAsync(user, rememberBrowser: true);
        Assert.NotNull(verified.SetCookie("tfd.remember"));
        await LogoutAsync(browser);

        var again = await Stories.LoginPasswordAsync(browser, user, "/Home/Protected");

        Assert.Equal("/Home/Protected", again.Location);
        var page = await browser.GetAsync("/Home/Protected");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("remembered", page.Attr("#second-factor-state", "data-verified-by"));
    }

    [Fact]
    public async Task Without_the_checkbox_the_browser_is_not_remembered()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var (browser, verified) = await Stories.LoginWithTotpAsync(user);
        Assert.Null(verified.SetCookie("tfd.remember"));
        await LogoutAsync(browser);

        Assert.StartsWith("/TwoFactor", (await Stories.LoginPasswordAsync(browser, user)).Location);
    }

    // ASVS 3.3.3 / 5.0 6.3.4: a security-stamp change (here "sign out other sessions") forgets every remembered browser.
    [Fact]
    public async Task ASVS_3_3_3_remember_browser_is_forgotten_after_a_security_stamp_change()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var (remembered, _) = await Stories.LoginWithTotpAsync(user, rememberBrowser: true);
        await LogoutAsync(remembered);
        var (other, _) = await Stories.LoginWithTotpAsync(user);

        await (await SecurityPage.OpenAsync(other)).SignOutOtherSessionsAsync();

        Assert.StartsWith("/TwoFactor", (await Stories.LoginPasswordAsync(remembered, user)).Location);
    }

    [Fact]
    public async Task Forget_this_browser_asks_for_the_second_factor_next_time()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var (browser, _) = await Stories.LoginWithTotpAsync(user, rememberBrowser: true);
        var security = await SecurityPage.OpenAsync(browser);
        Assert.Contains("This browser is remembered", security.Page.Text);

        var forgotten = await security.ForgetBrowserAsync();
        Assert.Equal("", forgotten.SetCookie("tfd.remember"));
        await LogoutAsync(browser);

        Assert.StartsWith("/TwoFactor", (await Stories.LoginPasswordAsync(browser, user)).Location);
    }

    // Issue 13 finding 12: "'Forget this browser' only deletes the local cookie; a copied tfd.remember cookie still skips the second factor".
    [Fact]
    public async Task Finding12_a_copied_remember_cookie_stops_working_once_the_browser_is_forgotten()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var (browser, verified) = await Stories.LoginWithTotpAsync(user, rememberBrowser: true);
        var copied = verified.SetCookie("tfd.remember")!;
        var thief = App.NewBrowser();
        thief.Client.DefaultRequestHeaders.Add("Cookie", $"tfd.remember={copied}");
        Assert.Equal("/", (await Stories.LoginPasswordAsync(thief, user)).Location); // the copy works while the browser is remembered
        thief.Client.DefaultRequestHeaders.Remove("Cookie");

        await (await SecurityPage.OpenAsync(browser)).ForgetBrowserAsync();

        var again = App.NewBrowser();
        again.Client.DefaultRequestHeaders.Add("Cookie", $"tfd.remember={copied}");
        Assert.StartsWith("/TwoFactor", (await Stories.LoginPasswordAsync(again, user)).Location);
        Assert.Equal(0, await App.WithDbAsync(db => db.RememberedBrowsers.CountAsync()));
    }

    // Remembered browsers are revocable one by one from another session's /Security page.
    [Fact]
    public async Task Finding12_another_remembered_browser_can_be_forgotten_from_the_security_page()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var (remembered, _) = await Stories.LoginWithTotpAsync(user, rememberBrowser: true);
        await LogoutAsync(remembered);
        var (manager, _) = await Stories.LoginWithTotpAsync(user);

        var security = await manager.GetAsync("/Security");
        Assert.Single(security.Document.QuerySelectorAll(".remembered-browser"));
        var forgotten = await manager.SubmitAsync(security, ".remembered-browser form");
        Assert.Equal("/Security", forgotten.Location);

        Assert.StartsWith("/TwoFactor", (await Stories.LoginPasswordAsync(remembered, user)).Location);
    }

    [Fact]
    public async Task The_remember_cookie_lasts_the_configured_days_and_is_httponly()
    {
        using var app = new TestApp(new() { ["TwoFactor:RememberBrowserDays"] = "7" });
        var stories = new UserStories(app);
        var (_, user) = await stories.RegisterWithTotpAsync();

        var (_, verified) = await stories.LoginWithTotpAsync(user, rememberBrowser: true);

        var header = verified.Response.Headers.GetValues("Set-Cookie").Single(h => h.StartsWith("tfd.remember="));
        var expires = DateTimeOffset.Parse(header.Split(';').Single(p => p.Trim().StartsWith("expires=")).Split('=')[1]);
        Assert.InRange(expires - app.Clock.GetUtcNow(), TimeSpan.FromDays(6.9), TimeSpan.FromDays(7.1));
        Assert.Contains("httponly", header);
        Assert.Contains("secure", header);
        Assert.Contains("samesite=lax", header);
    }

    private static async Task LogoutAsync(Browser browser)
    {
        var home = await browser.GetAsync("/");
        var result = await browser.SubmitAsync(home, "form[action='/Account/Logout']");
        Assert.Equal("/", result.Location);
    }
}
