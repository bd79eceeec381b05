using System.Net;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Tests.Pages;

namespace TwoFactorDemo.Tests.Integration;

public class PolicyTests : AppTest
{
    // ASVS 5.0 6.3.4 — known attack 1: browsing straight to a protected page after the password step.
    [Theory]
    [InlineData("/Home/Protected")]
    [InlineData("/Security")]
    [InlineData("/Security/Totp")]
    [InlineData("/Security/RecoveryCodes")]
    [InlineData("/Security/Totp/Disable")]
    public async Task ASVS_5_0_6_3_4_Attack1_direct_url_after_password_goes_to_the_challenge(string url)
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var browser = App.NewBrowser();
        var afterPassword = await Stories.LoginPasswordAsync(browser, user, returnUrl: "/Home/Protected");
        Assert.Equal("/TwoFactor?ReturnUrl=%2FHome%2FProtected", afterPassword.Location);

        var page = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/TwoFactor?ReturnUrl=", page.Location);
        Assert.Contains(Uri.EscapeDataString(url), page.Location);
    }

    [Fact]
    public async Task ASVS_2_7_1_the_challenge_offers_totp_first_then_recovery_and_keeps_the_return_url()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var browser = App.NewBrowser();
        await Stories.LoginPasswordAsync(browser, user);

        var challenge = await browser.GetAsync("/TwoFactor?ReturnUrl=%2FHome%2FProtected");

        var methods = challenge.Document.QuerySelectorAll("#methods [data-method]").Select(e => e.GetAttribute("data-method")).ToList();
        Assert.Equal(["totp", "recovery"], methods);
        Assert.Equal("/TwoFactor/Totp?returnUrl=%2FHome%2FProtected", challenge.Attr("[data-method=totp]", "href"));
    }

    [Fact]
    public async Task Anonymous_visitors_go_to_the_login_page()
    {
        var page = await App.NewBrowser().GetAsync("/Home/Protected");
        Assert.Equal("/Account/Login?ReturnUrl=%2FHome%2FProtected", page.Location);
        Assert.StartsWith("/Account/Login", (await App.NewBrowser().GetAsync("/TwoFactor")).Location);
    }

    // Known attack 2: the second step is bound to the user of the first; another user's valid code does nothing.
    [Fact]
    public async Task Attack2_another_users_valid_code_fails()
    {
        var (_, alice) = await Stories.RegisterWithTotpAsync();
        var (_, mallory) = await Stories.RegisterWithTotpAsync();
        var browser = App.NewBrowser();
        await Stories.LoginPasswordAsync(browser, alice);

        var challenge = await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Totp");
        var result = await challenge.SubmitAsync(Stories.NextCode(mallory));
        var withForeignRecovery = await (await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Recovery")).SubmitAsync(mallory.RecoveryCodes[0]);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("That code didn't work", result.Text);
        Assert.Contains("That recovery code didn't work", withForeignRecovery.Text);
        Assert.StartsWith("/TwoFactor", (await browser.GetAsync("/Home/Protected")).Location);
    }

    [Fact]
    public async Task Required_enforcement_sends_a_user_without_a_method_to_set_one_up()
    {
        var (browser, _) = await Stories.RegisterAsync();

        var protectedPage = await browser.GetAsync("/Home/Protected");
        Assert.Equal("/Security?ReturnUrl=%2FHome%2FProtected", protectedPage.Location);
        var security = await browser.GetAsync(protectedPage.Location!);
        Assert.Equal(HttpStatusCode.OK, security.Status);
        Assert.NotNull(security.Document.QuerySelector("#setup-required"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Security/Totp")).Status);
    }

    [Fact]
    public async Task After_enrolment_the_session_is_verified_and_reaches_protected_pages()
    {
        var (browser, _) = await Stories.RegisterWithTotpAsync();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Home/Protected")).Status);
    }

    // A password alone must not let anyone replace an enrolled authenticator.
    [Fact]
    public async Task A_password_only_session_cannot_reach_setup_pages_once_a_method_exists()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var browser = App.NewBrowser();
        await Stories.LoginPasswordAsync(browser, user);

        var post = await browser.PostAsync("/Security/Totp", [new("Code", "123456")]);

        Assert.True(post.IsRedirect || post.Status == HttpStatusCode.BadRequest);
        Assert.StartsWith("/TwoFactor", (await browser.GetAsync("/Security/Totp")).Location);
    }

    [Fact]
    public async Task Optional_enforcement_lets_users_without_a_method_through_but_not_users_with_one()
    {
        using var app = new TestApp(new() { ["TwoFactor:Enforcement"] = "Optional" });
        var stories = new UserStories(app);
        var (plain, _) = await stories.RegisterAsync();
        Assert.Equal(HttpStatusCode.OK, (await plain.GetAsync("/Home/Protected")).Status);

        var (_, user) = await stories.RegisterWithTotpAsync();
        var browser = app.NewBrowser();
        await stories.LoginPasswordAsync(browser, user);
        Assert.StartsWith("/TwoFactor", (await browser.GetAsync("/Home/Protected")).Location);
    }

    [Fact]
    public async Task Already_verified_sessions_skip_the_challenge()
    {
        var (browser, _) = await Stories.RegisterWithTotpAsync();
        Assert.Equal("/Home/Protected", (await browser.GetAsync("/TwoFactor?ReturnUrl=%2FHome%2FProtected")).Location);
    }
}
