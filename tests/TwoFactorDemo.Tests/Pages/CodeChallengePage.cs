using TwoFactorDemo.Tests.Infrastructure;

namespace TwoFactorDemo.Tests.Pages;

/// <summary>/TwoFactor/Totp or /TwoFactor/Recovery: one code, and "remember this browser".</summary>
public sealed class CodeChallengePage(Browser browser, Page page)
{
    public Page Page { get; } = page;

    public static async Task<CodeChallengePage> OpenAsync(Browser browser, string url) => new(browser, await browser.GetAsync(url));

    public Task<Page> SubmitAsync(string code, bool rememberBrowser = false)
    {
        var fields = new Dictionary<string, string> { ["Code"] = code };
        if (rememberBrowser)
        {
            fields["RememberBrowser"] = "true";
        }
        return browser.SubmitAsync(Page, "main form", fields);
    }
}
