using TwoFactorDemo.Tests.Infrastructure;

namespace TwoFactorDemo.Tests.Pages;

/// <summary>/Security/Phone: enter a number, then the code it received.</summary>
public sealed class PhonePage(Browser browser, Page page)
{
    public Page Page { get; } = page;

    public static async Task<PhonePage> OpenAsync(Browser browser) => new(browser, await browser.GetAsync("/Security/Phone"));

    public async Task<PhonePage> StartAsync(string phoneNumber) =>
        new(browser, await browser.SubmitAsync(Page, "#phone-form", new Dictionary<string, string> { ["PhoneNumber"] = phoneNumber }));

    public async Task<PhonePage> ResendAsync(string channel = "sms") =>
        new(browser, await browser.SubmitAsync(Page, "#resend-form", new Dictionary<string, string> { ["Send"] = channel }));

    public Task<Page> VerifyAsync(string code, bool useForSignIn = true)
    {
        var fields = new Dictionary<string, string> { ["Code"] = code };
        if (!useForSignIn)
        {
            fields["UseForSignIn"] = "false";
        }
        return browser.SubmitAsync(Page, "#verify-form", fields);
    }
}
