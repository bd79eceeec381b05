using TwoFactorDemo.Tests.Infrastructure;

namespace TwoFactorDemo.Tests.Pages;

/// <summary>/Account/Register.</summary>
public sealed class RegisterPage(Browser browser, Page page)
{
    public Page Page { get; } = page;

    public static async Task<RegisterPage> OpenAsync(Browser browser) => new(browser, await browser.GetAsync("/Account/Register"));

    public Task<Page> SubmitAsync(string email, string password, string? confirm = null, string? phoneNumber = null) =>
        browser.SubmitAsync(Page, "main form", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["ConfirmPassword"] = confirm ?? password,
            ["PhoneNumber"] = phoneNumber ?? "",
        });
}
