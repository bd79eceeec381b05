using TwoFactorDemo.Tests.Infrastructure;

namespace TwoFactorDemo.Tests.Pages;

/// <summary>What passkeys.js does on each passkey page, with a <see cref="SoftwareAuthenticator"/> in place of the browser's prompt.</summary>
public static class PasskeyPages
{
    /// <summary>/Security/Passkeys: options, the authenticator's new credential, then the form (named).</summary>
    public static async Task<Page> AddAsync(Browser browser, SoftwareAuthenticator authenticator, string? name = null)
    {
        var (page, options) = await OptionsAsync(browser, "/Security/Passkeys", "#add-passkey-form");
        return await browser.SubmitAsync(page, "#add-passkey-form",
            new Dictionary<string, string> { ["Credential"] = authenticator.Create(options), ["Name"] = name ?? "" });
    }

    /// <summary>/TwoFactor/Passkey (after the password, or a step-up): the options for this session, then the answer.</summary>
    public static async Task<Page> SecondFactorAsync(Browser browser, SoftwareAuthenticator authenticator, string query = "", bool rememberBrowser = false)
    {
        var (page, options) = await OptionsAsync(browser, "/TwoFactor/Passkey" + query, "#passkey-form");
        return await AnswerAsync(browser, page, "#passkey-form", authenticator.Get(options), rememberBrowser);
    }

    /// <summary>"Sign in with a passkey" on /Account/Login.</summary>
    public static async Task<Page> PasswordlessAsync(Browser browser, SoftwareAuthenticator authenticator, string query = "")
    {
        var (page, options) = await OptionsAsync(browser, "/Account/Login" + query, "#passkey-signin-form");
        return await AnswerAsync(browser, page, "#passkey-signin-form", authenticator.Get(options));
    }

    /// <summary>Opens <paramref name="url"/> and asks the form's options endpoint, as the script does; returns the page and the options JSON.</summary>
    public static async Task<(Page Page, string Options)> OptionsAsync(Browser browser, string url, string form)
    {
        var page = await browser.GetAsync(url);
        var optionsUrl = page.Attr(form, "data-options-url") ?? throw new InvalidOperationException($"No passkey form {form} on {url}: {page.Status} {page.Location}");
        var options = await browser.SubmitAsync(page, form, action: optionsUrl);
        Assert.True(options.Status == System.Net.HttpStatusCode.OK, $"{optionsUrl}: {options.Status} {options.Location}");
        return (page, options.Html);
    }

    public static Task<Page> AnswerAsync(Browser browser, Page page, string form, string credentialJson, bool rememberBrowser = false) =>
        browser.SubmitAsync(page, form, new Dictionary<string, string>
        {
            ["Credential"] = credentialJson,
            ["RememberBrowser"] = rememberBrowser ? "true" : "false",
        });
}
