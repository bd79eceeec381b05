using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Tests.Pages;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Methods.Totp;

namespace TwoFactorDemo.Tests.Integration;

public class TotpFlowTests : AppTest
{
    [Fact]
    public async Task Setup_page_shows_qr_key_grouped_in_fours_and_otpauth_uri()
    {
        var (browser, user) = await Stories.RegisterAsync();
        var setup = await TotpSetupPage.OpenAsync(browser);

        Assert.Equal(HttpStatusCode.OK, setup.Page.Status);
        Assert.Matches(@"^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", setup.ShownSecret);
        Assert.Equal(20, setup.Key.Length);
        var uri = setup.OtpauthUri!;
        Assert.StartsWith($"otpauth://totp/TwoFactorDemo:{Uri.EscapeDataString(user.Email)}?secret={setup.ShownSecret.Replace(" ", "")}&issuer=TwoFactorDemo", uri);
        Assert.StartsWith("data:image/png;base64,", setup.Page.Attr("#totp-qr", "src"));
        // Reloading shows the same pending key, so a slow scan still works.
        Assert.Equal(setup.ShownSecret, (await TotpSetupPage.OpenAsync(browser)).ShownSecret);
    }

    [Fact]
    public async Task Enabling_with_a_current_code_shows_ten_recovery_codes_once_and_verifies_the_session()
    {
        var (browser, user) = await Stories.RegisterAsync();
        var setup = await TotpSetupPage.OpenAsync(browser);
        user.TotpKey = setup.Key;

        var done = await setup.SubmitAsync(Stories.CodeNow(user));

        var codes = done.All(".recovery-code");
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", c));
        Assert.Contains("download=\"twofactordemo-recovery-codes.txt\"", done.Html);
        Assert.Equal("verified", done.Attr("#second-factor-state", "data-state"));
        var again = await TotpSetupPage.OpenAsync(browser);
        Assert.Empty(again.Page.All(".recovery-code"));
        Assert.Equal("true", again.Page.Attr("#totp-state", "data-enabled"));
    }

    [Fact]
    public async Task A_wrong_code_at_setup_leaves_totp_off_with_a_clear_message()
    {
        var (browser, user) = await Stories.RegisterAsync();
        var setup = await TotpSetupPage.OpenAsync(browser);
        user.TotpKey = setup.Key;
        var wrong = Rfc6238.Code(user.TotpKey, App.Clock.GetUtcNow().AddMinutes(5));

        var result = await setup.SubmitAsync(wrong);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("That code didn't match", result.Text);
        Assert.DoesNotContain(wrong, result.Html);
        Assert.Null((await App.UserAsync(user.Email)).TotpSecret);
    }

    [Fact]
    public async Task The_secret_is_encrypted_at_rest()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var stored = (await App.UserAsync(user.Email)).TotpSecret;
        var shown = Convert.ToBase64String(user.TotpKey!);

        Assert.NotNull(stored);
        Assert.DoesNotContain(OtpNet.Base32Encoding.ToString(user.TotpKey).TrimEnd('='), stored);
        using var scope = App.Services.CreateScope();
        var protector = scope.ServiceProvider.GetRequiredService<TotpSecretProtector>();
        Assert.Equal(shown, Convert.ToBase64String(protector.Unprotect(stored!)));
    }

    [Fact]
    public async Task Login_with_password_then_totp_reaches_the_protected_page()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();

        var (browser, result) = await Stories.LoginWithTotpAsync(user, returnUrl: "/Home/Protected");

        Assert.Equal("/Home/Protected", result.Location);
        var page = await browser.GetAsync("/Home/Protected");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("totp", page.Attr("#second-factor-state", "data-verified-by"));
    }

    // ASVS 2.8.4, 2.8.5, 5.0 6.5.1 — known attack 4: a code is accepted once; the replay is logged.
    [Fact]
    public async Task ASVS_2_8_4_Attack4_replayed_totp_code_is_rejected_and_logged()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var (first, _) = await Stories.LoginWithTotpAsync(user);
        var usedCode = Stories.CodeNow(user);

        var second = App.NewBrowser();
        await Stories.LoginPasswordAsync(second, user);
        var challenge = await CodeChallengePage.OpenAsync(second, "/TwoFactor/Totp");
        var replay = await challenge.SubmitAsync(usedCode);

        Assert.Equal(HttpStatusCode.OK, replay.Status);
        Assert.Contains("That code didn't work", replay.Text);
        Assert.Equal(1, await App.WithDbAsync(db => db.SecurityEvents.CountAsync(e => e.Kind == SecurityEventKinds.TotpReplay)));
        Assert.True((await second.GetAsync("/Home/Protected")).IsRedirect);
    }

    // ASVS 2.8.4: an older step inside the window is also refused once a newer one was used.
    [Fact]
    public async Task ASVS_2_8_4_an_earlier_step_after_a_later_one_is_rejected()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        await Stories.LoginWithTotpAsync(user);
        var previousStepCode = Rfc6238.Code(user.TotpKey!, App.Clock.GetUtcNow().AddSeconds(-30));

        var browser = App.NewBrowser();
        await Stories.LoginPasswordAsync(browser, user);
        var result = await (await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Totp")).SubmitAsync(previousStepCode);

        Assert.Contains("That code didn't work", result.Text);
    }

    // ASVS 2.8.4 / 5.0 6.5.8: ±1 step around the server clock (TimeProvider), not two.
    [Theory]
    [InlineData(-30, true)]
    [InlineData(30, true)]
    [InlineData(-61, false)]
    [InlineData(61, false)]
    public async Task ASVS_5_0_6_5_8_window_edges_against_server_time(int secondsFromServerNow, bool accepted)
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var start = App.Clock.GetUtcNow();
        // Align to the middle of a step so ±30 s is exactly one step away.
        App.Clock.Advance(TimeSpan.FromSeconds((45 - start.ToUnixTimeSeconds() % 30) % 30));
        var code = Rfc6238.Code(user.TotpKey!, App.Clock.GetUtcNow().AddSeconds(secondsFromServerNow));

        var browser = App.NewBrowser();
        await Stories.LoginPasswordAsync(browser, user);
        var result = await (await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Totp")).SubmitAsync(code);

        Assert.Equal(accepted, result.IsRedirect);
    }

    [Theory]
    [InlineData("{0} {1}")]
    [InlineData("{0}-{1}")]
    [InlineData("  {0}{1}  ")]
    public async Task Spaces_and_dashes_in_the_code_are_accepted(string format)
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var browser = App.NewBrowser();
        await Stories.LoginPasswordAsync(browser, user);
        var code = Stories.NextCode(user);

        var result = await (await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Totp")).SubmitAsync(string.Format(format, code[..3], code[3..]));

        Assert.True(result.IsRedirect, result.Text);
    }

    [Theory]
    [InlineData("12345a")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("١٢٣٤٥٦")]
    public async Task Non_digit_or_wrong_length_codes_get_a_format_message_and_do_not_count(string input)
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var browser = App.NewBrowser();
        await Stories.LoginPasswordAsync(browser, user);

        var result = await (await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Totp")).SubmitAsync(input);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("The code is 6 digits", result.Text);
        Assert.Equal(0, (await App.UserAsync(user.Email)).AccessFailedCount);
    }
}
