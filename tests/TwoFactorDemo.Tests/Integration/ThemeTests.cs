using System.Net;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Web.Presentation;

namespace TwoFactorDemo.Tests.Integration;

/// <summary>Issue 18, item 11: the colour-mode switch works without script, is remembered, and takes nothing it shouldn't.</summary>
public class ThemeTests : AppTest
{
    [Fact]
    public async Task Issue18_Item11_the_switch_remembers_the_choice_and_goes_back()
    {
        var browser = App.NewBrowser();
        var login = await browser.GetAsync("/Account/Login");
        Assert.Equal("auto", login.Attr("html", "data-theme-choice"));
        Assert.Equal("light", login.Attr("html", "data-bs-theme")); // without script, auto is light
        Assert.Equal("true", login.Attr("#theme-switch button[value=auto]", "aria-pressed"));

        var chosen = await browser.SubmitAsync(login, "#theme-switch", new Dictionary<string, string> { ["theme"] = "dark" });
        Assert.Equal("/Account/Login", chosen.Location);
        var again = await browser.GetAsync("/Account/Register");
        Assert.Equal("dark", again.Attr("html", "data-bs-theme"));
        Assert.Equal("dark", again.Attr("html", "data-theme-choice"));

        await browser.SubmitAsync(again, "#theme-switch", new Dictionary<string, string> { ["theme"] = "auto" });
        Assert.Equal("auto", (await browser.GetAsync("/Account/Login")).Attr("html", "data-theme-choice"));
    }

    [Theory]
    [InlineData("purple", "/", HttpStatusCode.BadRequest, null)]
    [InlineData("dark", "https://evil.example/", HttpStatusCode.Found, "/")]
    [InlineData("dark", "//evil.example/", HttpStatusCode.Found, "/")]
    public async Task Issue18_Item11_a_bad_theme_or_a_foreign_return_address_is_refused(string theme, string returnUrl, HttpStatusCode status, string? location)
    {
        var browser = App.NewBrowser();
        var login = await browser.GetAsync("/Account/Login");
        var result = await browser.SubmitAsync(login, "#theme-switch", new Dictionary<string, string> { ["theme"] = theme, ["returnUrl"] = returnUrl });
        Assert.Equal(status, result.Status);
        Assert.Equal(location, result.Location);
        Assert.Equal(ColourTheme.All.Contains(theme) ? "dark" : "auto", (await browser.GetAsync("/Account/Login")).Attr("html", "data-theme-choice"));
    }
}
