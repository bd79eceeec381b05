using System.Net;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Tests.Pages;

namespace TwoFactorDemo.Tests.Integration;

// ASVS 3.7.1, 5.0 7.5.1: disabling a factor or regenerating recovery codes needs a second factor from the last 10 minutes.
public class StepUpTests : AppTest
{
    [Fact]
    public async Task ASVS_3_7_1_disable_within_ten_minutes_of_verifying_works()
    {
        var (browser, user) = await Stories.RegisterWithTotpAsync();
        var confirm = await browser.GetAsync("/Security/Totp/Disable");
        Assert.Equal(HttpStatusCode.OK, confirm.Status);

        var done = await browser.SubmitAsync(confirm, "main form[action='/Security/Totp/Disable']");

        Assert.Equal("/Security", done.Location);
        Assert.Null((await App.UserAsync(user.Email)).TotpSecret);
        // It was the only method, so the recovery codes went too and the account must set one up again.
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<RecoveryCode>().CountAsync()));
        Assert.Equal("/Security?ReturnUrl=%2FHome%2FProtected", (await browser.GetAsync("/Home/Protected")).Location);
    }

    [Fact]
    public async Task ASVS_3_7_1_disable_after_ten_minutes_asks_for_the_factor_again()
    {
        var (browser, user) = await Stories.RegisterWithTotpAsync();
        App.Clock.Advance(TimeSpan.FromMinutes(11));

        var stale = await browser.GetAsync("/Security/Totp/Disable");
        Assert.Equal("/TwoFactor?ReturnUrl=%2FSecurity%2FTotp%2FDisable&StepUp=true", stale.Location);
        var challenge = await browser.GetAsync(stale.Location!);
        Assert.Contains("Confirm it's you", challenge.Text);

        var verified = await (await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Totp?ReturnUrl=%2FSecurity%2FTotp%2FDisable&StepUp=true")).SubmitAsync(Stories.NextCode(user));
        Assert.Equal("/Security/Totp/Disable", verified.Location);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Security/Totp/Disable")).Status);
    }

    [Fact]
    public async Task ASVS_3_7_1_a_stale_post_changes_nothing()
    {
        var (browser, user) = await Stories.RegisterWithTotpAsync();
        var confirm = await browser.GetAsync("/Security/Totp/Disable");
        App.Clock.Advance(TimeSpan.FromMinutes(11));

        var post = await browser.SubmitAsync(confirm, "main form[action='/Security/Totp/Disable']");

        Assert.Equal("/TwoFactor?ReturnUrl=%2FSecurity%2FTotp%2FDisable&StepUp=true", post.Location);
        Assert.NotNull((await App.UserAsync(user.Email)).TotpSecret);
    }

    [Fact]
    public async Task ASVS_3_7_1_regenerating_recovery_codes_needs_a_fresh_factor()
    {
        var (browser, user) = await Stories.RegisterWithTotpAsync();
        var page = await browser.GetAsync("/Security/RecoveryCodes");
        App.Clock.Advance(TimeSpan.FromMinutes(11));

        var post = await browser.SubmitAsync(page, "form[action='/Security/RecoveryCodes']");

        Assert.Equal("/TwoFactor?ReturnUrl=%2FSecurity%2FRecoveryCodes&StepUp=true", post.Location);
        var hashesBefore = await App.WithDbAsync(db => db.Set<RecoveryCode>().Select(c => c.CodeHash).OrderBy(h => h).ToListAsync());
        Assert.Equal(10, hashesBefore.Count);
        Assert.Empty(post.All(".recovery-code"));
    }

    [Fact]
    public async Task ASVS_3_7_1_a_remembered_browser_is_not_a_fresh_factor()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var (browser, _) = await Stories.LoginWithTotpAsync(user, rememberBrowser: true);
        var home = await browser.GetAsync("/");
        await browser.SubmitAsync(home, "form[action='/Account/Logout']");
        await Stories.LoginPasswordAsync(browser, user);

        var disable = await browser.GetAsync("/Security/Totp/Disable");

        Assert.StartsWith("/TwoFactor?", disable.Location);
        Assert.Contains("StepUp=true", disable.Location);
    }
}
