using System.Net;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Tests.Pages;

namespace TwoFactorDemo.Tests.Integration;

/// <summary>Issue 15 item 6: with <c>TwoFactor:Admins:RequirePhishingResistant</c>, the admin area takes only a passkey session.</summary>
public sealed class PhishingResistantAdminTests : IDisposable
{
    private readonly TestApp _app = new(new() { ["TwoFactor:Admins:RequirePhishingResistant"] = "true" });
    private readonly SoftwareAuthenticator _authenticator = new();

    [Fact]
    public async Task An_admin_verified_by_code_is_sent_to_add_a_passkey_then_to_use_it()
    {
        var stories = new UserStories(_app);
        var (admin, _) = await stories.AdminAsync(); // verified with an authenticator app

        var noPasskey = await admin.GetAsync("/Admin");
        Assert.Equal("/Security?ReturnUrl=%2FAdmin&PhishingResistant=true", noPasskey.Location);
        Assert.NotNull((await admin.GetAsync(noPasskey.Location!)).Document.QuerySelector("#phishing-resistant-required a[href='/Security/Passkeys']"));

        Assert.Equal("/Security/Passkeys", (await PasskeyPages.AddAsync(admin, _authenticator)).Location);
        var stepUp = await admin.GetAsync("/Admin");
        Assert.Equal("/TwoFactor?ReturnUrl=%2FAdmin&StepUp=true&PhishingResistant=true", stepUp.Location);
        var chooser = await admin.GetAsync(stepUp.Location!);
        Assert.Equal(["passkey"], chooser.Document.QuerySelectorAll("#methods [data-method]").Select(e => e.GetAttribute("data-method")).ToList());

        var verified = await PasskeyPages.SecondFactorAsync(admin, _authenticator, "?ReturnUrl=%2FAdmin&StepUp=true");
        Assert.Equal("/Admin", verified.Location);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin")).Status);
    }

    public void Dispose() => _app.Dispose();
}
