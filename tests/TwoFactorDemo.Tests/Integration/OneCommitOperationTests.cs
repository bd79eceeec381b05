using System.Net;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Tests.Pages;
using TwoFactorDemo.Web.Administration;
using TwoFactorDemo.Web.Audit;

namespace TwoFactorDemo.Tests.Integration;

/// <summary>
/// Issue 14, item 5: every admin operation and every multi-write user operation is one commit. Each test makes one of
/// the operation's writes fail (a SQLite trigger, as a full disk or a broken constraint would) and checks that the
/// friendly error page answered and that nothing the operation touches has changed.
/// </summary>
public class OneCommitOperationTests : AppTest
{
    [Theory]
    [InlineData(AdminOperations.ResetSecondFactors, "INSERT ON SecurityEvents WHEN NEW.Kind = '" + SecurityEventKinds.AdminResetSecondFactors + "'")]
    [InlineData(AdminOperations.Lock, "INSERT ON SecurityEvents WHEN NEW.Kind = '" + SecurityEventKinds.AdminLocked + "'")]
    [InlineData(AdminOperations.Unlock, "INSERT ON SecurityEvents WHEN NEW.Kind = '" + SecurityEventKinds.AdminUnlocked + "'")]
    [InlineData(AdminOperations.SignOutEverywhere, "INSERT ON SecurityEvents WHEN NEW.Kind = '" + SecurityEventKinds.AdminSignedOut + "'")]
    [InlineData(AdminOperations.GrantAdmin, "INSERT ON SecurityEvents WHEN NEW.Kind = '" + SecurityEventKinds.AdminGranted + "'")]
    [InlineData(AdminOperations.RevokeAdmin, "INSERT ON SecurityEvents WHEN NEW.Kind = '" + SecurityEventKinds.AdminRevoked + "'")]
    [InlineData(AdminOperations.Delete, "DELETE ON AspNetUsers")]
    public async Task An_admin_operation_whose_last_write_fails_changes_nothing(string operation, string failingWrite)
    {
        var (admin, _) = await Stories.AdminAsync();
        var (_, user) = await Stories.RegisterWithTotpAsync();
        await Stories.LoginWithTotpAsync(user, rememberBrowser: true);
        var id = (await App.UserAsync(user.Email)).Id;
        if (operation == AdminOperations.Unlock)
        {
            await Stories.AdminActionAsync(admin, id, AdminOperations.Lock);
        }
        if (operation == AdminOperations.RevokeAdmin)
        {
            await Stories.AdminActionAsync(admin, id, AdminOperations.GrantAdmin);
        }
        var confirm = await admin.GetAsync($"/Admin/Users/{id}/{operation}");
        var before = await SnapshotAsync(id);
        await FailAsync(failingWrite);

        var failed = await admin.SubmitAsync(confirm, "#confirm-action");

        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.DoesNotContain("Exception", failed.Html);
        Assert.Equal(before, await SnapshotAsync(id));
    }

    [Theory]
    [InlineData("/Security/Totp/Disable", "main form[action='/Security/Totp/Disable']", SecurityEventKinds.TotpDisabled)]
    [InlineData("/Security/Typing/Disable", "main form[action='/Security/Typing/Disable']", SecurityEventKinds.TypingDisabled)]
    [InlineData("/Security", "form[action='/Security/SignOutOtherSessions']", SecurityEventKinds.OtherSessionsEnded)]
    public async Task A_user_operation_whose_audit_record_fails_changes_nothing(string page, string form, string kind)
    {
        var (browser, user) = await Stories.RegisterWithTotpAsync();
        await Stories.LoginWithTotpAsync(user, rememberBrowser: true);
        for (var i = 0; i < TypingSamples.EnrolmentSamples; i++)
        {
            await browser.SubmitAsync(await browser.GetAsync("/Security/Typing"), "#typing-form",
                new Dictionary<string, string> { ["Pattern"] = TypingSamples.Pattern(new Random(i), 80, 120) });
        }
        var id = (await App.UserAsync(user.Email)).Id;
        var confirm = await browser.GetAsync(page);
        var before = await SnapshotAsync(id);
        await FailAsync($"INSERT ON SecurityEvents WHEN NEW.Kind = '{kind}'");

        var failed = await browser.SubmitAsync(confirm, form);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.Equal(before, await SnapshotAsync(id));
    }

    // A first method is turned on, its recovery codes made and the session verified by it, in one commit: when the
    // codes cannot be stored, the method is not on either (no account left "with a method" but without its codes).
    [Theory]
    [InlineData("totp")]
    [InlineData("sms")]
    [InlineData("email")]
    [InlineData("typing")]
    public async Task A_first_method_whose_recovery_codes_fail_is_not_turned_on(string method)
    {
        var user = UserStories.NewUser();
        var browser = App.NewBrowser();
        if (method == "sms")
        {
            user.Phone = UserStories.NewPhone();
        }
        await Stories.RegisterAndSignInAsync(browser, user, user.Phone);
        var id = (await App.UserAsync(user.Email)).Id;
        Page submitted;
        switch (method)
        {
            case "totp":
                var setup = await TotpSetupPage.OpenAsync(browser);
                user.TotpKey = setup.Key;
                await FailAsync("INSERT ON RecoveryCodes");
                submitted = await setup.SubmitAsync(Stories.CodeNow(user));
                break;
            case "sms":
                var phone = await (await PhonePage.OpenAsync(browser)).ResendAsync();
                var code = await Stories.CodeFromOutboxAsync(user.Phone!);
                await FailAsync("INSERT ON RecoveryCodes");
                submitted = await phone.VerifyAsync(code);
                break;
            case "email":
                await Stories.ConfirmEmailAsync(user);
                await FailAsync("INSERT ON RecoveryCodes");
                submitted = await browser.SubmitAsync(await browser.GetAsync("/Security/Email"), "#enable-email");
                break;
            default:
                for (var i = 0; i < TypingSamples.EnrolmentSamples - 1; i++)
                {
                    await browser.SubmitAsync(await browser.GetAsync("/Security/Typing"), "#typing-form",
                        new Dictionary<string, string> { ["Pattern"] = TypingSamples.Pattern(new Random(i), 80, 120) });
                }
                await FailAsync("INSERT ON RecoveryCodes");
                submitted = await browser.SubmitAsync(await browser.GetAsync("/Security/Typing"), "#typing-form",
                    new Dictionary<string, string> { ["Pattern"] = TypingSamples.Pattern(new Random(TypingSamples.EnrolmentSamples), 80, 120) });
                break;
        }
        var after = await App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        var typingEnrolled = await App.WithDbAsync(db => db.Set<TypingProfile>().AnyAsync(p => p.UserId == id && p.Enrolled));

        Assert.Equal(HttpStatusCode.InternalServerError, submitted.Status);
        Assert.Null(after.TotpSecret);
        Assert.False(after.SmsEnabled);
        Assert.False(after.PhoneNumberConfirmed);
        Assert.False(after.EmailLinkEnabled);
        Assert.False(typingEnrolled);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<RecoveryCode>().CountAsync(c => c.UserId == id)));
        Assert.Equal("/Security", (await browser.GetAsync("/Home/Protected")).Location?.Split('?')[0]);
    }

    private Task<int> FailAsync(string write)
    {
        var trigger = "CREATE TRIGGER fail_write BEFORE " + write + " BEGIN SELECT RAISE(ABORT, 'write refused'); END;"; // test-made SQL, no input
        return App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(trigger));
    }

    // Everything an operation on an account touches, as one comparable string.
    private Task<string> SnapshotAsync(string userId) => App.WithDbAsync(async db =>
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId);
        return string.Join(" | ",
            user is null ? "no user" : $"{user.TotpSecret is not null} {user.SmsEnabled} {user.EmailLinkEnabled} {user.LockoutEnd:O} {user.SecurityStamp} {user.ConcurrencyStamp}",
            await db.UserRoles.CountAsync(r => r.UserId == userId),
            await db.UserSessions.CountAsync(s => s.UserId == userId),
            await db.Set<RecoveryCode>().CountAsync(c => c.UserId == userId),
            await db.RememberedBrowsers.CountAsync(b => b.UserId == userId),
            await db.Set<TypingProfile>().CountAsync(p => p.UserId == userId),
            await db.SecurityEvents.CountAsync());
    });
}
