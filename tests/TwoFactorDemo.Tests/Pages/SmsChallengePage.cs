using TwoFactorDemo.Tests.Infrastructure;

namespace TwoFactorDemo.Tests.Pages;

/// <summary>/TwoFactor/Sms: send (text or call), then the code form.</summary>
public sealed class SmsChallengePage(Browser browser, Page page)
{
    public Page Page { get; } = page;

    public static async Task<SmsChallengePage> OpenAsync(Browser browser, string query = "") =>
        new(browser, await browser.GetAsync("/TwoFactor/Sms" + query));

    public async Task<SmsChallengePage> SendAsync(string channel = "sms") =>
        new(browser, await browser.SubmitAsync(Page, "#send-form", new Dictionary<string, string> { ["Send"] = channel }));

    public Task<Page> SubmitCodeAsync(string code, bool rememberBrowser = false)
    {
        var fields = new Dictionary<string, string> { ["Code"] = code };
        if (rememberBrowser)
        {
            fields["RememberBrowser"] = "true";
        }
        return browser.SubmitAsync(Page, "main form:not(#send-form)", fields);
    }

    /// <summary>Posts a code from a session that never asked for one (the page shows no code form then).</summary>
    public Task<Page> SubmitCodeWithoutAskingAsync(string code) =>
        browser.SubmitAsync(Page, "#send-form", new Dictionary<string, string> { ["Code"] = code });
}
