using TwoFactorDemo.Tests.Infrastructure;

namespace TwoFactorDemo.Tests.Pages;

/// <summary>/Security/Totp: the QR code, the key and the confirm form.</summary>
public sealed class TotpSetupPage(Browser browser, Page page)
{
    public Page Page { get; } = page;

    public string ShownSecret => Page.TextOf("#totp-secret") ?? throw new InvalidOperationException("No #totp-secret on " + Page.Url);

    public byte[] Key => Rfc6238.KeyFromBase32(ShownSecret);

    public string? OtpauthUri => Page.Attr("[data-otpauth-uri]", "data-otpauth-uri");

    public static async Task<TotpSetupPage> OpenAsync(Browser browser) => new(browser, await browser.GetAsync("/Security/Totp"));

    public Task<Page> SubmitAsync(string code) =>
        browser.SubmitAsync(Page, "main form[action='/Security/Totp']", new Dictionary<string, string> { ["Code"] = code });
}
