using System.Reflection;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Web.Administration;
using TwoFactorDemo.Web.Audit;

namespace TwoFactorDemo.Tests.Integration;

/// <summary>Issue 18, item 7: user pages speak plainly; developer words stay in a developer note, admin pages keep the raw kind beside the words.</summary>
public class PlainWordsTests : AppTest
{
    [Fact]
    public async Task Issue18_Item7_the_header_and_the_protected_page_say_what_happened_in_plain_words()
    {
        var (browser, _) = await Stories.RegisterWithTotpAsync();
        var page = await browser.GetAsync("/Home/Protected");

        Assert.Equal("Verified with your authenticator app", page.TextOf("#second-factor-state"));
        var explained = page.TextOf("#protected-explained")!;
        Assert.Contains("Someone who only knows your password can't open it", explained);
        foreach (var jargon in new[] { "2FA", "totp", "claim", "policy", "Authorize", "tfd:" })
        {
            Assert.DoesNotContain(jargon, explained, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(jargon, page.TextOf("#second-factor-state")!, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("tfd:2fa", page.TextOf("#developer-note")); // kept for developers, folded away
        Assert.Equal("Second step not done yet", (await (await Stories.RegisterAsync()).Browser.GetAsync("/Security")).TextOf("#second-factor-state"));
    }

    [Fact]
    public async Task Issue18_Item7_audit_rows_describe_the_event_and_name_the_acting_admin()
    {
        var (_, user) = await Stories.RegisterWithTotpAsync();
        var (admin, adminUser) = await Stories.AdminAsync();
        var id = await App.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == user.Email).Id));
        await Stories.AdminActionAsync(admin, id, AdminOperations.Lock);

        var audit = await admin.GetAsync($"/Admin/Audit?kind={SecurityEventKinds.AdminLocked}");
        var row = audit.Document.QuerySelector($"#audit tr[data-kind='{SecurityEventKinds.AdminLocked}']")!;
        Assert.StartsWith("An admin locked the account", row.QuerySelector(".audit-event")!.TextContent.Trim());
        Assert.Equal(SecurityEventKinds.AdminLocked, row.QuerySelector(".audit-event code")!.TextContent.Trim());
        Assert.Equal(adminUser.Email, row.QuerySelector(".audit-actor")!.TextContent.Trim());
    }

    [Fact]
    public void Every_audit_event_kind_has_a_description()
    {
        var kinds = typeof(SecurityEventKinds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();
        Assert.NotEmpty(kinds);
        Assert.All(kinds, k => Assert.True(SecurityEventDescriptions.Covers(k), $"{k} has no description"));
    }
}
