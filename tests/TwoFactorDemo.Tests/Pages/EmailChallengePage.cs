using TwoFactorDemo.Tests.Infrastructure;

namespace TwoFactorDemo.Tests.Pages;

/// <summary>/TwoFactor/Email: send a link, then continue once it is approved.</summary>
public sealed class EmailChallengePage(Browser browser, Page page)
{
    public Page Page { get; } = page;

    public static async Task<EmailChallengePage> OpenAsync(Browser browser, string query = "") =>
        new(browser, await browser.GetAsync("/TwoFactor/Email" + query));

    /// <summary>Presses "Email me a link" and follows the redirect back to the page.</summary>
    public async Task<EmailChallengePage> SendAsync()
    {
        var result = await browser.SubmitAsync(Page, "#send-form", new Dictionary<string, string> { ["Send"] = "email" });
        return new(browser, result.IsRedirect ? await browser.GetAsync(result.Location!) : result);
    }

    public Task<Page> ContinueAsync() => browser.SubmitAsync(Page, "#approved-form");
}
