using TwoFactorDemo.Tests.Infrastructure;

namespace TwoFactorDemo.Tests.Pages;

/// <summary>/Account/Login.</summary>
public sealed class LoginPage(Browser browser, Page page)
{
    public Page Page { get; } = page;

    public static async Task<LoginPage> OpenAsync(Browser browser, string? returnUrl = null)
    {
        var url = "/Account/Login" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        return new LoginPage(browser, await browser.GetAsync(url));
    }

    public Task<Page> SubmitAsync(string email, string password) =>
        browser.SubmitAsync(Page, "main form", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
}
