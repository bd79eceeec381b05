using System.Net;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Tests.Pages;

namespace TwoFactorDemo.Tests.Integration;

/// <summary>MailKit against a real SMTP server on 127.0.0.1 (Debian's aiosmtpd), and an SMTP server that isn't there.</summary>
public sealed class SmtpDeliveryTests : IDisposable
{
    private readonly SmtpSink _smtp = new();

    public void Dispose() => _smtp.Dispose();

    [Fact]
    public async Task The_confirmation_mail_arrives_with_both_bodies_and_a_working_link()
    {
        using var app = new TestApp(_smtp.AppSettings());
        var stories = new UserStories(app);

        var (_, user) = await stories.RegisterAsync();

        var mail = await _smtp.WaitForAsync(user.Email);
        Assert.Equal(user.Email, mail.To.Mailboxes.Single().Address);
        Assert.Equal("no-reply@twofactordemo.local", mail.From.Mailboxes.Single().Address);
        Assert.Equal("Confirm your email for TwoFactorDemo", mail.Subject);
        var link = mail.TextBody!.Split('\n').Single(l => l.StartsWith("https://localhost/Account/ConfirmEmail?"));
        Assert.Contains(WebUtility.HtmlEncode(link), mail.HtmlBody);
        using var browser = app.NewBrowser();
        Assert.Equal("true", (await browser.GetAsync(UserStories.Local(link))).Attr("#confirm-result", "data-confirmed"));
    }

    [Fact]
    public async Task A_sign_in_link_by_smtp_completes_the_sign_in()
    {
        using var app = new TestApp(_smtp.AppSettings());
        var stories = new UserStories(app);
        var (browser, user) = await stories.RegisterWithTotpAsync();
        var confirmLink = (await _smtp.WaitForAsync(user.Email, "Confirm")).TextBody!.Split('\n').Single(l => l.Contains("/Account/ConfirmEmail?"));
        await browser.GetAsync(UserStories.Local(confirmLink));
        await browser.SubmitAsync(await browser.GetAsync("/Security/Email"), "#enable-email");

        var waiting = app.NewBrowser();
        await stories.LoginPasswordAsync(waiting, user);
        await (await EmailChallengePage.OpenAsync(waiting)).SendAsync();
        var mail = await _smtp.WaitForAsync(user.Email, "sign-in link");
        Assert.Equal("Your TwoFactorDemo sign-in link", mail.Subject);
        var link = mail.TextBody!.Split('\n').Single(l => l.Contains("/TwoFactor/Email/Confirm?token="));
        var landing = await waiting.GetAsync(UserStories.Local(link));

        Assert.Equal("/", (await waiting.SubmitAsync(landing, "#confirm-form")).Location);
    }
}
