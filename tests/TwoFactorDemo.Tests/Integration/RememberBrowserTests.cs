using System.Net;
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
        Assert.Contains("remembered", page.TextOf("#second-factor-state"));
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
