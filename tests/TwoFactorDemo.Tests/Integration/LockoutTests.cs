using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Tests.Pages;
using TwoFactorDemo.Web.Account;

namespace TwoFactorDemo.Tests.Integration;

public class LockoutTests : AppTest
{
    // ASVS 2.2.1 / NIST 5.2.2 — known attack 3: guessing TOTP codes locks the account after 5 failures; the right code then fails too.
    [Fact]
    public async Task ASVS_2_2_1_Attack3_wrong_totp_codes_lock_the_account()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var browser = App.NewBrowser();
        await Stories.LoginPasswordAsync(browser, user);

        Page last = null!;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            last = await (await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Totp")).SubmitAsync(WrongCode(user, attempt));
        }
        Assert.Contains(AppText.LockedOutStart, last.Text);
        // Issue 18, item 8: the lockout says when it ends.
        var end = (await App.UserAsync(user.Email)).LockoutEnd!.Value;
        Assert.Contains($"locked until {end:HH:mm} UTC (in 5 minutes); try again then.", last.Text);

        var right = await (await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Totp")).SubmitAsync(Stories.NextCode(user));
        Assert.Contains(AppText.LockedOutStart, right.Text);
        Assert.StartsWith("/TwoFactor", (await browser.GetAsync("/Home/Protected")).Location);
        Assert.True((await App.UserAsync(user.Email)).LockoutEnd > DateTimeOffset.UtcNow);
    }

    // ASVS 2.2.1 — known attack 10: recovery-code guesses count toward the same lockout.
    [Fact]
    public async Task ASVS_2_2_1_Attack10_wrong_recovery_codes_lock_the_account()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var browser = App.NewBrowser();
        await Stories.LoginPasswordAsync(browser, user);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await (await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Recovery")).SubmitAsync($"AAAA-BBBB-CCC{(char)('A' + attempt)}");
        }
        var real = await (await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Recovery")).SubmitAsync(user.RecoveryCodes[0]);

        Assert.Contains(AppText.LockedOutStart, real.Text);
        Assert.Equal(10, await App.WithDbAsync(db => db.Set<RecoveryCode>().CountAsync(c => c.UsedAt == null)));
    }

    [Fact]
    public async Task Mixed_methods_share_one_failure_count()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var browser = App.NewBrowser();
        await Stories.LoginPasswordAsync(browser, user);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await (await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Totp")).SubmitAsync(WrongCode(user, attempt));
        }
        var fifth = await (await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Recovery")).SubmitAsync("AAAA-BBBB-CCCC");

        Assert.Contains(AppText.LockedOutStart, fifth.Text);
    }

    [Fact]
    public async Task A_success_resets_the_failure_count()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var browser = App.NewBrowser();
        await Stories.LoginPasswordAsync(browser, user);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await (await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Totp")).SubmitAsync(WrongCode(user, attempt));
        }
        Assert.True((await (await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Totp")).SubmitAsync(Stories.NextCode(user))).IsRedirect);

        Assert.Equal(0, (await App.UserAsync(user.Email)).AccessFailedCount);
    }

    // ASVS 2.2.1: entering the password again must not wipe the count of wrong codes (else: 4 guesses, re-login, 4 more…).
    [Fact]
    public async Task ASVS_2_2_1_a_new_password_sign_in_does_not_reset_the_count_of_wrong_codes()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var browser = App.NewBrowser();
        await Stories.LoginPasswordAsync(browser, user);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await (await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Totp")).SubmitAsync(WrongCode(user, attempt));
        }

        await Stories.LoginPasswordAsync(browser, user);
        var fifth = await (await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Totp")).SubmitAsync(WrongCode(user, 5));

        Assert.Contains(AppText.LockedOutStart, fifth.Text);
    }

    // Identity lockout also covers the password: 5 wrong passwords, then the right one is refused with the same message.
    [Fact]
    public async Task ASVS_2_2_1_wrong_passwords_lock_the_account_with_the_same_message()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var browser = App.NewBrowser();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await (await LoginPage.OpenAsync(browser)).SubmitAsync(user.Email, "wrong password " + attempt);
        }

        var right = await (await LoginPage.OpenAsync(browser)).SubmitAsync(user.Email, user.Password);

        Assert.Contains(AccountController.LoginFailedMessage, right.Text);
    }

    // A code for the current step that is certainly wrong: shift the real one by an amount the window cannot reach.
    private string WrongCode(TestUser user, int attempt) =>
        ((int.Parse(Stories.CodeNow(user)) + 1 + attempt) % 1_000_000).ToString("D6");
}
