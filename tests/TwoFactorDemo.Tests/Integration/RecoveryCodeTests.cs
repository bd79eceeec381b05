using System.Net;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Tests.Pages;

namespace TwoFactorDemo.Tests.Integration;

public class RecoveryCodeTests : AppTest
{
    // ASVS 2.6.1, 2.6.2: random, single use, stored hashed.
    [Fact]
    public async Task ASVS_2_6_1_recovery_codes_are_stored_only_as_hashes()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var hashes = await App.WithDbAsync(db => db.Set<RecoveryCode>().Select(c => c.CodeHash).ToListAsync());

        Assert.Equal(10, hashes.Count);
        foreach (var code in user.RecoveryCodes)
        {
            var bare = code.Replace("-", "");
            Assert.DoesNotContain(hashes, h => h.Contains(bare, StringComparison.OrdinalIgnoreCase));
        }
        Assert.All(hashes, h => Assert.Matches("^[0-9A-F]{64}$", h));
    }

    // Issue 18, bug 6: two tabs (here all ten codes at once) submitting the challenge of one session spend one code;
    // the others see that the session is already verified and go on.
    [Fact]
    public async Task Issue18_Bug6_parallel_submissions_in_one_session_spend_one_recovery_code()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var browser = App.NewBrowser();
        await Stories.LoginPasswordAsync(browser, user, "/Home/Protected");
        var page = await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Recovery?ReturnUrl=%2FHome%2FProtected");

        var results = await Task.WhenAll(user.RecoveryCodes.Select(code => page.SubmitAsync(code)));

        // Each goes on to the page; one that arrives after its session was replaced is anonymous (to the login page) and
        // must not clear the browser's session cookie, which by then is the new, verified one.
        Assert.All(results, r => Assert.True(r.Location is "/Home/Protected" || r.Location?.StartsWith("/Account/Login") == true, r.Location));
        Assert.DoesNotContain(results, r => r.SetCookie("tfd.session") == "");
        Assert.Equal(9, await App.WithDbAsync(db => db.Set<RecoveryCode>().CountAsync(c => c.UsedAt == null)));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Home/Protected")).Status);
    }

    [Fact]
    public async Task ASVS_2_6_2_a_recovery_code_signs_in_once()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var first = App.NewBrowser();
        await Stories.LoginPasswordAsync(first, user, "/Home/Protected");

        var used = await (await CodeChallengePage.OpenAsync(first, "/TwoFactor/Recovery?ReturnUrl=%2FHome%2FProtected")).SubmitAsync(user.RecoveryCodes[0].ToLowerInvariant().Replace("-", " "));

        Assert.Equal("/Home/Protected", used.Location);
        var landed = await first.GetAsync("/Home/Protected");
        Assert.Equal("recovery", landed.Attr("#second-factor-state", "data-verified-by"));
        Assert.Contains("9 left", landed.Text);

        var second = App.NewBrowser();
        await Stories.LoginPasswordAsync(second, user);
        var reuse = await (await CodeChallengePage.OpenAsync(second, "/TwoFactor/Recovery")).SubmitAsync(user.RecoveryCodes[0]);
        Assert.Equal(HttpStatusCode.OK, reuse.Status);
        Assert.Contains("That recovery code didn't work", reuse.Text);
    }

    [Fact]
    public async Task The_security_page_counts_the_codes_left()
    {
        var (browser, user) = await Stories.RegisterWithTotpAsync();
        var other = App.NewBrowser();
        await Stories.LoginPasswordAsync(other, user);
        await (await CodeChallengePage.OpenAsync(other, "/TwoFactor/Recovery")).SubmitAsync(user.RecoveryCodes[3]);

        Assert.Equal("9", (await browser.GetAsync("/Security")).TextOf("#recovery-codes-left"));
        Assert.Equal("9", (await browser.GetAsync("/Security/RecoveryCodes")).TextOf("#recovery-codes-left"));
    }

    [Fact]
    public async Task Regenerating_replaces_every_old_code()
    {
        var (browser, user) = await Stories.RegisterWithTotpAsync();
        var page = await browser.GetAsync("/Security/RecoveryCodes");

        var regenerated = await browser.SubmitAsync(page, "form[action='/Security/RecoveryCodes']");

        var fresh = regenerated.All(".recovery-code");
        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(user.RecoveryCodes));
        var other = App.NewBrowser();
        await Stories.LoginPasswordAsync(other, user);
        var old = await (await CodeChallengePage.OpenAsync(other, "/TwoFactor/Recovery")).SubmitAsync(user.RecoveryCodes[0]);
        Assert.Contains("That recovery code didn't work", old.Text);
        var @new = await (await CodeChallengePage.OpenAsync(other, "/TwoFactor/Recovery")).SubmitAsync(fresh[0]);
        Assert.True(@new.IsRedirect);
    }

    [Theory]
    [InlineData("ABCD")]
    [InlineData("ABCD-EFGH-JKL0")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Malformed_recovery_codes_get_a_format_message_and_do_not_count(string input)
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var browser = App.NewBrowser();
        await Stories.LoginPasswordAsync(browser, user);

        var result = await (await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Recovery")).SubmitAsync(input);

        Assert.Contains("A recovery code is 12 letters and digits", result.Text);
        Assert.DoesNotContain("<script>alert(1)</script>", result.Html);
        Assert.Equal(0, (await App.UserAsync(user.Email)).AccessFailedCount);
    }
}
