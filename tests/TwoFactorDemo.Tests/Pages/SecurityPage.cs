using TwoFactorDemo.Tests.Infrastructure;

namespace TwoFactorDemo.Tests.Pages;

/// <summary>/Security: methods, recovery codes left, this browser, other sessions.</summary>
public sealed class SecurityPage(Browser browser, Page page)
{
    public Page Page { get; } = page;

    public static async Task<SecurityPage> OpenAsync(Browser browser) => new(browser, await browser.GetAsync("/Security"));

    public Task<Page> ForgetBrowserAsync() => browser.SubmitAsync(Page, "form[action='/Security/ForgetBrowser']");

    public Task<Page> SignOutOtherSessionsAsync() => browser.SubmitAsync(Page, "form[action='/Security/SignOutOtherSessions']");
}
