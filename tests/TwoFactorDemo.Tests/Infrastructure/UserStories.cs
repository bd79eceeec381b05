using TwoFactorDemo.Tests.Pages;

namespace TwoFactorDemo.Tests.Infrastructure;

/// <summary>Flows a person goes through, chained from page objects that submit the real forms.</summary>
public sealed class UserStories(TestApp app)
{
    private static int _counter;

    public static TestUser NewUser() =>
        new($"user{Interlocked.Increment(ref _counter)}@example.test", "correct horse battery staple");

    /// <summary>A valid, unused US number in E.164.</summary>
    public static string NewPhone() => $"+1415555{3000 + Interlocked.Increment(ref _counter)}";

    /// <summary>Reads the newest code sent to <paramref name="phone"/> from /dev/outbox, as a developer would.</summary>
    public async Task<string> CodeFromOutboxAsync(string phone)
    {
        using var reader = app.NewBrowser();
        var outbox = await reader.GetAsync("/dev/outbox");
        var message = outbox.Document.QuerySelector($".dev-message[data-to='{phone}'] .dev-body")
            ?? throw new InvalidOperationException($"No message to {phone} in the outbox");
        return System.Text.RegularExpressions.Regex.Match(message.TextContent.Replace(" ", ""), @"\d{6}").Value;
    }

    /// <summary>The links in the newest mail to <paramref name="email"/> whose subject contains <paramref name="subject"/>, read from /dev/mailbox.</summary>
    public async Task<IReadOnlyList<string>> LinksInMailAsync(string email, string subject)
    {
        using var reader = app.NewBrowser();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var mailbox = await reader.GetAsync("/dev/mailbox");
            var message = mailbox.Document.QuerySelectorAll(".dev-message")
                .FirstOrDefault(m => m.GetAttribute("data-to") == email && m.GetAttribute("data-subject")!.Contains(subject));
            if (message is not null)
            {
                return message.QuerySelectorAll(".dev-link").Select(a => a.GetAttribute("href")!).ToList();
            }
            await Task.Delay(100); // some mail (password reset) is sent in the background
        }
        throw new InvalidOperationException($"No mail \"{subject}\" to {email} in the dev mailbox");
    }

    /// <summary>The text of the newest mail to <paramref name="email"/> whose subject contains <paramref name="subject"/>.</summary>
    public async Task<string> MailTextAsync(string email, string subject)
    {
        await LinksInMailAsync(email, subject); // waits for it
        using var reader = app.NewBrowser();
        var mailbox = await reader.GetAsync("/dev/mailbox");
        return mailbox.Document.QuerySelectorAll(".dev-message")
            .First(m => m.GetAttribute("data-to") == email && m.GetAttribute("data-subject")!.Contains(subject))
            .QuerySelector(".dev-body")!.TextContent;
    }

    /// <summary>The path and query of a link from a mail, to open in a test browser.</summary>
    public static string Local(string link) => new Uri(link).PathAndQuery;

    /// <summary>Opens the confirmation link from the registration mail.</summary>
    public async Task ConfirmEmailAsync(TestUser user)
    {
        var link = (await LinksInMailAsync(user.Email, "Confirm your email")).Single();
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync(Local(link));
        Assert.Equal("true", page.Attr("#confirm-result", "data-confirmed"));
    }

    /// <summary>A TOTP user who also confirmed the email and turned sign-in links on; the browser ends verified.</summary>
    public async Task<(Browser Browser, TestUser User)> RegisterWithTotpAndEmailLinkAsync()
    {
        var (browser, user) = await RegisterWithTotpAsync();
        await ConfirmEmailAsync(user);
        var settings = await browser.GetAsync("/Security/Email");
        var enabled = await browser.SubmitAsync(settings, "#enable-email");
        Assert.Equal("/Security/Email", enabled.Location);
        return (browser, user);
    }

    /// <summary>The seeded admin signs in and, the first time, sets up an authenticator app; the browser ends verified.</summary>
    public async Task<(Browser Browser, TestUser Admin)> AdminAsync(TestUser? admin = null)
    {
        admin ??= new TestUser(TestApp.AdminEmail, TestApp.AdminPassword);
        var browser = app.NewBrowser();
        var afterPassword = await LoginPasswordAsync(browser, admin);
        Assert.StartsWith("/TwoFactor", afterPassword.Location);
        if (admin.TotpKey is null)
        {
            var setup = await TotpSetupPage.OpenAsync(browser);
            admin.TotpKey = setup.Key;
            Assert.Equal(10, (await setup.SubmitAsync(CodeNow(admin))).All(".recovery-code").Count);
        }
        else
        {
            var challenge = await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Totp");
            Assert.True((await challenge.SubmitAsync(NextCode(admin))).IsRedirect);
        }
        return (browser, admin);
    }

    /// <summary>An admin action through its confirmation page; returns the redirect after the POST.</summary>
    public async Task<Page> AdminActionAsync(Browser admin, string userId, string operation)
    {
        var confirm = await admin.GetAsync($"/Admin/Users/{userId}/{operation}");
        Assert.True(confirm.Status == System.Net.HttpStatusCode.OK, $"{confirm.Status} {confirm.Location}");
        return await admin.SubmitAsync(confirm, "#confirm-action");
    }

    /// <summary>Registers with a phone number and proves it: SMS is the first method, the browser ends verified.</summary>
    public async Task<(Browser Browser, TestUser User)> RegisterWithSmsAsync()
    {
        var browser = app.NewBrowser();
        var user = NewUser();
        user.Phone = NewPhone();
        await RegisterAndSignInAsync(browser, user, user.Phone);
        var phone = await (await PhonePage.OpenAsync(browser)).ResendAsync();
        var done = await phone.VerifyAsync(await CodeFromOutboxAsync(user.Phone));
        user.RecoveryCodes.AddRange(done.All(".recovery-code"));
        Assert.True(user.RecoveryCodes.Count == 10, $"{done.Status} {done.Location} {done.Text}");
        return (browser, user);
    }

    /// <summary>A new browser: password, then "text me a code"; returns the page with the code form and the code that was sent.</summary>
    public async Task<(Browser Browser, SmsChallengePage Sent, string Code)> PasswordThenTextAsync(TestUser user)
    {
        var browser = app.NewBrowser();
        await LoginPasswordAsync(browser, user);
        var sent = await (await SmsChallengePage.OpenAsync(browser)).SendAsync();
        return (browser, sent, await CodeFromOutboxAsync(user.Phone!));
    }

    /// <summary>Password, then a code by text, in a new (or given) browser.</summary>
    public async Task<(Browser Browser, Page Result)> LoginWithSmsAsync(TestUser user, Browser? browser = null, string? returnUrl = null, bool rememberBrowser = false)
    {
        browser ??= app.NewBrowser();
        var afterPassword = await LoginPasswordAsync(browser, user, returnUrl);
        Assert.StartsWith("/TwoFactor", afterPassword.Location);
        var challenge = await SmsChallengePage.OpenAsync(browser, new Uri("https://x" + afterPassword.Location).Query);
        var sent = await challenge.SendAsync();
        var result = await sent.SubmitCodeAsync(await CodeFromOutboxAsync(user.Phone!), rememberBrowser);
        return (browser, result);
    }

    /// <summary>Registers, then signs in with the password: the browser ends with a password-only session.</summary>
    public async Task<(Browser Browser, TestUser User)> RegisterAsync()
    {
        var browser = app.NewBrowser();
        var user = NewUser();
        await RegisterAndSignInAsync(browser, user);
        return (browser, user);
    }

    /// <summary>The registration form, its "check your inbox" answer, then the password step (registering signs nobody in).</summary>
    public async Task RegisterAndSignInAsync(Browser browser, TestUser user, string? phoneNumber = null)
    {
        var register = await RegisterPage.OpenAsync(browser);
        var result = await register.SubmitAsync(user.Email, user.Password, phoneNumber: phoneNumber);
        Assert.True(result.Document.QuerySelector("#registered") is not null, "registration should answer 'check your inbox': " + result.Text);
        var signedIn = await LoginPasswordAsync(browser, user);
        Assert.StartsWith("/TwoFactor", signedIn.Location);
    }

    /// <summary>
    /// Types the enrolment samples on /Security/Typing in a steady rhythm (80 ms holds, 120 ms gaps, drawn from
    /// <paramref name="random"/>), each answered with a page, until typing is set up; returns the page after the last sample.
    /// </summary>
    public static async Task<Page> EnrolTypingAsync(Browser browser, Random random)
    {
        Page saved = null!;
        for (var i = 0; i < TypingSamples.EnrolmentSamples; i++)
        {
            saved = await browser.SubmitAsync(await browser.GetAsync("/Security/Typing"), "#typing-form",
                new Dictionary<string, string> { ["Pattern"] = TypingSamples.Pattern(random, 80, 120) });
            Assert.Equal(System.Net.HttpStatusCode.OK, saved.Status);
        }
        return saved;
    }

    /// <summary>Registers and sets up TOTP; the browser ends verified with the codes saved in the user.</summary>
    public async Task<(Browser Browser, TestUser User)> RegisterWithTotpAsync()
    {
        var (browser, user) = await RegisterAsync();
        var setup = await TotpSetupPage.OpenAsync(browser);
        user.TotpKey = setup.Key;
        var done = await setup.SubmitAsync(CodeNow(user));
        user.RecoveryCodes.AddRange(done.All(".recovery-code"));
        Assert.Equal(10, user.RecoveryCodes.Count);
        return (browser, user);
    }

    /// <summary>The code the user's phone shows now (the test clock).</summary>
    public string CodeNow(TestUser user) => Rfc6238.Code(user.TotpKey!, app.Clock.GetUtcNow());

    /// <summary>Waits for the next time step, as a person would before using a second code, and returns its code.</summary>
    public string NextCode(TestUser user)
    {
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        return CodeNow(user);
    }

    /// <summary>The password step in a browser; returns the redirect it answered with.</summary>
    public async Task<Page> LoginPasswordAsync(Browser browser, TestUser user, string? returnUrl = null)
    {
        var login = await LoginPage.OpenAsync(browser, returnUrl);
        return await login.SubmitAsync(user.Email, user.Password);
    }

    /// <summary>Password then a TOTP code in a new (or given) browser; returns the browser and the final response.</summary>
    public async Task<(Browser Browser, Page Result)> LoginWithTotpAsync(TestUser user, Browser? browser = null, bool rememberBrowser = false, string? returnUrl = null)
    {
        browser ??= app.NewBrowser();
        var afterPassword = await LoginPasswordAsync(browser, user, returnUrl);
        Assert.StartsWith("/TwoFactor", afterPassword.Location);
        var challenge = await CodeChallengePage.OpenAsync(browser, "/TwoFactor/Totp" + new Uri("https://x" + afterPassword.Location).Query);
        var result = await challenge.SubmitAsync(NextCode(user), rememberBrowser);
        return (browser, result);
    }
}
