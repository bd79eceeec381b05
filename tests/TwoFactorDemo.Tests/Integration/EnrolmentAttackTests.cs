using System.Net;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Tests.Pages;

namespace TwoFactorDemo.Tests.Integration;

/// <summary>Known attack 18 (issue 13, findings 1 and 2): a method's state never turns an account into one without 2FA, and adding a method needs a recent factor.</summary>
public class EnrolmentAttackTests : AppTest
{
    private readonly Random _random = new(7);

    // Finding 1: "log in with the password, post Pattern=x five times (typing locks), then enrol a new authenticator".
    [Fact]
    public async Task Attack18_Finding1_a_password_alone_cannot_take_over_a_typing_only_account_by_locking_typing()
    {
        var (owner, user) = await Stories.RegisterAsync();
        var done = await UserStories.EnrolTypingAsync(owner, _random);
        var codesBefore = done.All(".recovery-code");
        Assert.Equal(10, codesBefore.Count);

        var attacker = App.NewBrowser();
        await Stories.LoginPasswordAsync(attacker, user);
        for (var i = 0; i < TypingProfiles.MaxConsecutiveFailures; i++)
        {
            await attacker.SubmitAsync(await attacker.GetAsync("/TwoFactor/Typing"), "#typing-form", new Dictionary<string, string> { ["Pattern"] = "x" });
        }
        Assert.True(await App.WithDbAsync(db => db.Set<TypingProfile>().Select(p => p.Locked).SingleAsync()));

        var setup = await attacker.GetAsync("/Security/Totp");
        Assert.StartsWith("/TwoFactor", setup.Location);
        Assert.StartsWith("/TwoFactor", (await attacker.GetAsync("/Home/Protected")).Location);
        Assert.StartsWith("/TwoFactor", (await attacker.GetAsync("/Security")).Location);
        var posted = await attacker.PostAsync("/Security/Totp", [new("Code", "123456")]);
        Assert.True((int)posted.Status is >= 300 and < 500, $"{posted.Status}");
        Assert.Null((await App.UserAsync(user.Email)).TotpSecret);
        // The challenge says what is left: the recovery codes the owner saved.
        var challenge = await attacker.GetAsync("/TwoFactor");
        Assert.Equal(HttpStatusCode.OK, challenge.Status);
        Assert.NotNull(challenge.Document.QuerySelector("[data-method=recovery]"));
        Assert.Null(challenge.Document.QuerySelector("[data-method=typing]"));
        Assert.Equal(10, await App.WithDbAsync(db => db.Set<RecoveryCode>().CountAsync(c => c.UsedAt == null)));
    }

    // Finding 1, siblings: an SMS user whose number lost its confirmation, an email-link user whose address is unconfirmed.
    [Theory]
    [InlineData("sms")]
    [InlineData("email")]
    public async Task Attack18_Finding1_an_unavailable_method_still_counts_as_enrolled(string method)
    {
        var (_, user) = method == "sms" ? await Stories.RegisterWithSmsAsync() : await RegisterWithEmailLinkOnlyAsync();
        await App.WithDbAsync(db => method == "sms"
            ? db.Users.Where(u => u.Email == user.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.PhoneNumberConfirmed, false))
            : db.Users.Where(u => u.Email == user.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, false)));

        var attacker = App.NewBrowser();
        var afterPassword = await Stories.LoginPasswordAsync(attacker, user);

        Assert.StartsWith("/TwoFactor", afterPassword.Location);
        Assert.StartsWith("/TwoFactor", (await attacker.GetAsync("/Security/Totp")).Location);
        Assert.StartsWith("/TwoFactor", (await attacker.GetAsync("/Home/Protected")).Location);
    }

    // Finding 2: "a session verified only by a remembered browser of an account without TOTP can enrol TOTP with no step-up".
    [Fact]
    public async Task Attack18_Finding2_a_remembered_browser_cannot_add_an_authenticator_or_typing()
    {
        var (_, user) = await Stories.RegisterWithSmsAsync();
        var (browser, _) = await Stories.LoginWithSmsAsync(user, rememberBrowser: true);
        await browser.SubmitAsync(await browser.GetAsync("/"), "form[action='/Account/Logout']");
        Assert.Equal("/", (await Stories.LoginPasswordAsync(browser, user)).Location);
        App.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.StartsWith("/TwoFactor?ReturnUrl=%2FSecurity%2FTotp&StepUp=true", (await browser.GetAsync("/Security/Totp")).Location);
        Assert.StartsWith("/TwoFactor?ReturnUrl=%2FSecurity%2FTyping&StepUp=true", (await browser.GetAsync("/Security/Typing")).Location);
        await Stories.ConfirmEmailAsync(user);
        var security = await browser.GetAsync("/Security/Email");
        var emailOn = await browser.SubmitAsync(security, "#enable-email");
        Assert.StartsWith("/TwoFactor?ReturnUrl=%2FSecurity%2FEmail&StepUp=true", emailOn.Location);
        // A typing sample posted straight to the set-up page, with this session's valid antiforgery token.
        var token = security.Attr("input[name=__RequestVerificationToken]", "value")!;
        var sample = await browser.PostAsync("/Security/Typing",
            [new("__RequestVerificationToken", token), new("Pattern", TypingSamples.Pattern(_random, 80, 120))]);
        Assert.StartsWith("/TwoFactor?ReturnUrl=%2FSecurity%2FTyping&StepUp=true", sample.Location);

        var stored = await App.UserAsync(user.Email);
        Assert.Null(stored.TotpSecret);
        Assert.False(stored.EmailLinkEnabled);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<TypingProfile>().CountAsync()));
    }

    // Finding 2: "enrolment re-issues the session as totp with a fresh tfd:2fa_at, after which it regenerates recovery codes".
    [Fact]
    public async Task Attack18_Finding2_enrolling_a_second_method_does_not_renew_the_step_up_window()
    {
        var (_, user) = await Stories.RegisterWithSmsAsync();
        var (browser, _) = await Stories.LoginWithSmsAsync(user);
        App.Clock.Advance(TimeSpan.FromMinutes(9));
        var setup = await TotpSetupPage.OpenAsync(browser);
        user.TotpKey = setup.Key;
        var enrolled = await setup.SubmitAsync(Stories.CodeNow(user));
        Assert.True(enrolled.IsRedirect, enrolled.Text);
        Assert.NotNull((await App.UserAsync(user.Email)).TotpSecret);

        App.Clock.Advance(TimeSpan.FromMinutes(2)); // 11 minutes after the SMS code, 2 after the new authenticator
        var page = await browser.GetAsync("/Security/RecoveryCodes");
        var regenerate = await browser.SubmitAsync(page, "form[action='/Security/RecoveryCodes']");

        Assert.StartsWith("/TwoFactor?ReturnUrl=%2FSecurity%2FRecoveryCodes&StepUp=true", regenerate.Location);
        Assert.Equal("sms", (await browser.GetAsync("/Home/Protected")).Attr("#second-factor-state", "data-verified-by"));
    }

    // Finding 6: "an attacker who signs in with the password and opens /Security/Totp sees the same key the owner is shown later".
    [Fact]
    public async Task Attack18_Finding6_a_pending_authenticator_key_belongs_to_one_session_and_ten_minutes()
    {
        var (owner, user) = await Stories.RegisterAsync();
        var attacker = App.NewBrowser();
        await Stories.LoginPasswordAsync(attacker, user);

        var attackersKey = (await TotpSetupPage.OpenAsync(attacker)).ShownSecret;
        var ownersPage = await TotpSetupPage.OpenAsync(owner);
        Assert.NotEqual(attackersKey, ownersPage.ShownSecret);
        Assert.Equal(ownersPage.ShownSecret, (await TotpSetupPage.OpenAsync(owner)).ShownSecret); // stable within the session
        Assert.Equal(2, await App.WithDbAsync(db => db.SecurityEvents.CountAsync(e => e.Kind == TwoFactorDemo.Web.Audit.SecurityEventKinds.TotpSetupStarted)));

        user.TotpKey = ownersPage.Key;
        Assert.Equal(10, (await ownersPage.SubmitAsync(Stories.CodeNow(user))).All(".recovery-code").Count);

        // The attacker's key is not the account's: its codes open nothing.
        var stolen = new TestUser(user.Email, user.Password) { TotpKey = Rfc6238.KeyFromBase32(attackersKey) };
        var (_, result) = await Stories.LoginWithTotpAsync(stolen);
        Assert.False(result.IsRedirect);

        // Ten minutes later an unconfirmed key is gone and the page shows a new one.
        var (late, _) = await Stories.RegisterAsync();
        var first = (await TotpSetupPage.OpenAsync(late)).ShownSecret;
        App.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.NotEqual(first, (await TotpSetupPage.OpenAsync(late)).ShownSecret);
    }

    private async Task<(Browser Browser, TestUser User)> RegisterWithEmailLinkOnlyAsync()
    {
        var (browser, user) = await Stories.RegisterAsync();
        await Stories.ConfirmEmailAsync(user);
        var enabled = await browser.SubmitAsync(await browser.GetAsync("/Security/Email"), "#enable-email");
        Assert.Equal(10, enabled.All(".recovery-code").Count);
        return (browser, user);
    }
}
