using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Tests.Pages;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Sessions;

namespace TwoFactorDemo.Tests.Integration;

public class SessionTests : AppTest
{
    private const string SessionCookie = "tfd.session";

    // ASVS 3.2.1, 5.0 7.2.4: a new session after the password and again after the second factor; the old ones are dead.
    [Fact]
    public async Task ASVS_3_2_1_session_is_renewed_after_each_step_and_old_cookies_stop_working()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var browser = App.NewBrowser();
        var anonymous = await browser.GetAsync("/Account/Login");
        Assert.Null(anonymous.SetCookie(SessionCookie));

        var afterPassword = await (await LoginPage.OpenAsync(browser)).SubmitAsync(user.Email, user.Password);
        var passwordCookie = afterPassword.SetCookie(SessionCookie);
        Assert.False(string.IsNullOrEmpty(passwordCookie));

        var afterCode = await (await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Totp")).SubmitAsync(Stories.NextCode(user));
        var verifiedCookie = afterCode.SetCookie(SessionCookie);
        Assert.False(string.IsNullOrEmpty(verifiedCookie));
        Assert.NotEqual(passwordCookie, verifiedCookie);

        Assert.Equal(HttpStatusCode.OK, (await WithCookie(verifiedCookie!).GetAsync("/Home/Protected")).Status);
        // The password-step session was deleted when the verified one was issued: replaying it is anonymous.
        var replay = await WithCookie(passwordCookie!).GetAsync("/TwoFactor");
        Assert.StartsWith("/Account/Login", replay.Location);
    }

    // ASVS 3.3.1, 5.0 7.4.1: logout ends the session on the server, not just in this browser.
    [Fact]
    public async Task ASVS_3_3_1_logout_ends_the_session_and_the_old_cookie_opens_nothing()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var (browser, result) = await Stories.LoginWithTotpAsync(user);
        var cookie = result.SetCookie(SessionCookie)!;
        var home = await browser.GetAsync("/");

        var loggedOut = await browser.SubmitAsync(home, "form[action='/Account/Logout']");

        Assert.Equal("/", loggedOut.Location);
        Assert.StartsWith("/Account/Login", (await browser.GetAsync("/Home/Protected")).Location);
        Assert.StartsWith("/Account/Login", (await WithCookie(cookie).GetAsync("/Home/Protected")).Location);
    }

    // ASVS 3.3.3, 5.0 7.4.3: "sign out other sessions" ends the others at once and keeps this one verified.
    [Fact]
    public async Task ASVS_3_3_3_sign_out_other_sessions_ends_them_and_keeps_this_one()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var (laptop, _) = await Stories.LoginWithTotpAsync(user);
        var (phone, _) = await Stories.LoginWithTotpAsync(user);

        var security = await SecurityPage.OpenAsync(laptop);
        var done = await security.SignOutOtherSessionsAsync();

        Assert.Equal("/Security", done.Location);
        var stillIn = await laptop.GetAsync("/Home/Protected");
        Assert.True(HttpStatusCode.OK == stillIn.Status, stillIn.Location);
        Assert.Equal("totp", (await laptop.GetAsync("/Home/Protected")).Attr("#second-factor-state", "data-verified-by"));
        Assert.StartsWith("/Account/Login", (await phone.GetAsync("/Home/Protected")).Location);
    }

    // A security-stamp change made elsewhere (e.g. a password change) ends sessions within the one-minute validation interval.
    [Fact]
    public async Task ASVS_3_3_3_a_security_stamp_change_ends_sessions_within_a_minute()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var (browser, _) = await Stories.LoginWithTotpAsync(user);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(user.Email))!);
        }

        App.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.StartsWith("/Account/Login", (await browser.GetAsync("/Home/Protected")).Location);
    }

    // The tfd:2fa claim survives Identity's periodic security-stamp refresh (dotnet/aspnetcore#49610).
    [Fact]
    public async Task The_second_factor_claim_survives_the_security_stamp_refresh()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var (browser, _) = await Stories.LoginWithTotpAsync(user);
        Assert.Null((await browser.GetAsync("/Home/Protected")).SetCookie(SessionCookie));

        App.Clock.Advance(TimeSpan.FromMinutes(2));
        var page = await browser.GetAsync("/Home/Protected");

        // The validator rebuilt the principal and re-issued the cookie, and the claim is still there.
        Assert.NotNull(page.SetCookie(SessionCookie));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("totp", page.Attr("#second-factor-state", "data-verified-by"));
        Assert.Equal("totp", (await browser.GetAsync("/Home/Protected")).Attr("#second-factor-state", "data-verified-by"));
    }

    // Architecture rule: the claim is per session, never stored: a second browser verifies on its own.
    [Fact]
    public async Task A_second_browser_must_verify_on_its_own()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        await Stories.LoginWithTotpAsync(user);
        var other = App.NewBrowser();

        await Stories.LoginPasswordAsync(other, user);

        Assert.StartsWith("/TwoFactor", (await other.GetAsync("/Home/Protected")).Location);
    }

    [Fact]
    public async Task Expired_sessions_are_refused_and_cleaned_up()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var (browser, _) = await Stories.LoginWithTotpAsync(user);

        // Past the 8-hour session lifetime.
        App.Clock.Advance(TimeSpan.FromHours(9));

        Assert.StartsWith("/Account/Login", (await browser.GetAsync("/Home/Protected")).Location);
        await using var scope = App.Services.CreateAsyncScope();
        var removed = await scope.ServiceProvider.GetRequiredService<UserSessionRevoker>().DeleteExpiredAsync();
        Assert.True(removed >= 1);
        Assert.Equal(0, await App.WithDbAsync(db => db.UserSessions.CountAsync()));
    }

    private Browser WithCookie(string value)
    {
        var browser = App.NewBrowser();
        browser.Client.DefaultRequestHeaders.Add("Cookie", $"{SessionCookie}={value}");
        return browser;
    }
}
