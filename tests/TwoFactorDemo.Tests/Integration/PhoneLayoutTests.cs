using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Tests.Pages;

namespace TwoFactorDemo.Tests.Integration;

/// <summary>Issue 18, item 10: what a phone-sized screen needs from the markup (the browser stories check it at 390×844).</summary>
public class PhoneLayoutTests : AppTest
{
    [Fact]
    public async Task Issue18_Item10_the_security_menu_folds_away_on_a_phone_and_setup_offers_the_app_link()
    {
        var (browser, _) = await Stories.RegisterAsync();
        var security = await browser.GetAsync("/Security/Totp");

        var folded = security.Document.QuerySelector("details#security-menu.d-md-none")!;
        Assert.Equal("Security menu", folded.QuerySelector("summary")!.TextContent.Trim());
        Assert.NotEmpty(folded.QuerySelectorAll("nav a.nav-link"));
        Assert.Null(folded.GetAttribute("open"));
        Assert.NotNull(security.Document.QuerySelector(".d-none.d-md-block nav[aria-label='Security settings']"));

        var open = security.Document.QuerySelector("#totp-open-app")!;
        Assert.StartsWith("otpauth://totp/", open.GetAttribute("href"));
        Assert.Equal(security.Attr("#totp-qr", "data-otpauth-uri"), open.GetAttribute("href"));
        Assert.NotNull(security.Document.QuerySelector("input#Code[autofocus]"));
    }

    [Fact]
    public async Task Issue18_Item10_every_code_page_focuses_its_code_box()
    {
        var (_, user) = await Stories.RegisterWithSmsAsync();
        var browser = App.NewBrowser();
        await Stories.LoginPasswordAsync(browser, user);
        foreach (var path in new[] { "/TwoFactor/Recovery" })
        {
            Assert.NotNull((await browser.GetAsync(path)).Document.QuerySelector("input#Code[autofocus]"));
        }
        var sent = await (await SmsChallengePage.OpenAsync(browser)).SendAsync();
        Assert.NotNull(sent.Page.Document.QuerySelector("input#Code[autofocus]"));

        var (settings, _) = await Stories.RegisterWithTotpAsync();
        var phone = await (await PhonePage.OpenAsync(settings)).StartAsync(UserStories.NewPhone());
        Assert.NotNull(phone.Page.Document.QuerySelector("#verify-form input#Code[autofocus]"));
    }
}
