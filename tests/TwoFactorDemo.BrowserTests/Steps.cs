using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TwoFactorDemo.Tests.Infrastructure;

namespace TwoFactorDemo.BrowserTests;

/// <summary>What a person does, step by step, in the real pages.</summary>
public static partial class Steps
{
    public const string Password = "correct horse battery staple";
    private static int _counter;

    public static string NewEmail() => $"person{Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..8]}@example.test";

    public static async Task RegisterAsync(Person person, string email, string? phone = null)
    {
        await person.GoAsync("/Account/Register");
        await person.Page.FillAsync("#Email", email);
        await person.Page.FillAsync("#Password", Password);
        await person.Page.FillAsync("#ConfirmPassword", Password);
        if (phone is not null)
        {
            await person.Page.FillAsync("#PhoneNumber", phone);
        }
        await person.Page.ClickAsync("main button[type=submit]");
        // Registering signs nobody in (it answers the same for a taken address): check the inbox, then sign in.
        await person.Page.WaitForSelectorAsync("#registered");
        await person.CheckAsync("registered");
        await person.Page.ClickAsync("#sign-in");
        await person.Page.FillAsync("#Email", email);
        await person.Page.FillAsync("#Password", Password);
        await person.Page.ClickAsync("main button[type=submit]");
        await person.Page.WaitForURLAsync("**/Security**");
    }

    /// <summary>Sets up the authenticator app from the key on the page; returns the "phone" and the recovery codes shown.</summary>
    public static async Task<(TotpDevice Device, IReadOnlyList<string> Codes)> SetUpTotpAsync(Person person, bool check = false)
    {
        await person.GoAsync("/Security/Totp");
        if (check) await person.CheckAsync("totp-setup");
        var key = Rfc6238.KeyFromBase32((await person.Page.TextContentAsync("#totp-secret"))!.Trim());
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        await person.Page.FillAsync("#Code", Rfc6238.Code(key, step * 30));
        await person.Page.ClickAsync("main form button[type=submit]");
        await person.Page.WaitForSelectorAsync(".recovery-code");
        var codes = await person.Page.Locator(".recovery-code").AllTextContentsAsync();
        return (new TotpDevice(key, step), codes);
    }

    /// <summary>A CDP virtual authenticator: CTAP2 on the device itself, discoverable credentials, PIN or biometric passed.</summary>
    /// <returns>Switches the authenticator's automatic answer on or off (off: a pending autofill request waits, as for a person who ignores it).</returns>
    public static async Task<Func<bool, Task>> AttachPasskeyAuthenticatorAsync(Person person)
    {
        var cdp = await person.Context.NewCDPSessionAsync(person.Page);
        await cdp.SendAsync("WebAuthn.enable");
        var added = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });
        var id = added!.Value.GetProperty("authenticatorId").GetString()!;
        return enabled => cdp.SendAsync("WebAuthn.setAutomaticPresenceSimulation",
            new Dictionary<string, object> { ["authenticatorId"] = id, ["enabled"] = enabled });
    }

    public static async Task LogOutAsync(Person person) => await person.Page.ClickAsync("header form button[type=submit]");

    public static async Task PasswordAsync(Person person, string email, string returnUrl = "/Home/Protected")
    {
        await person.GoAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await person.Page.FillAsync("#Email", email);
        await person.Page.FillAsync("#Password", Password);
        await person.Page.ClickAsync("main button[type=submit]");
    }

    public static async Task<string> OutboxCodeAsync(Person person, string phone)
    {
        var page = await person.Context.NewPageAsync();
        await page.GotoAsync("/dev/outbox");
        var body = await page.Locator($".dev-message[data-to='{phone}'] .dev-body").First.TextContentAsync();
        await page.CloseAsync();
        return SixDigits().Match(body!.Replace(" ", "")).Value;
    }

    public static async Task<string> MailLinkAsync(Person person, string email, string subject)
    {
        var page = await person.Context.NewPageAsync();
        await page.GotoAsync("/dev/mailbox");
        var link = await page.Locator($".dev-message[data-to='{email}'][data-subject*='{subject}'] .dev-link").First.GetAttributeAsync("href");
        await page.CloseAsync();
        return link!;
    }

    /// <summary>
    /// Types like a person: each key held about <paramref name="hold"/> ms, then a gap of about <paramref name="gap"/>,
    /// each key position with its own share of the pace (0.75–1.25, the same every time: the person's shape) and new
    /// jitter on every call. Identical timings on every call would be a replay, and a rhythm without the per-key shape
    /// machine-made: the app refuses both.
    /// </summary>
    public static async Task TypeWithRhythmAsync(IPage page, string selector, string text, int hold, int gap)
    {
        var random = new Random(Interlocked.Increment(ref _rhythms));
        await page.FocusAsync(selector);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var key = c == ' ' ? "Space" : c.ToString();
            var shift = char.IsUpper(c);
            if (shift) await page.Keyboard.DownAsync("Shift");
            await page.Keyboard.DownAsync(key);
            await Task.Delay((int)(hold * Shape(i)) + random.Next(15));
            await page.Keyboard.UpAsync(key);
            if (shift) await page.Keyboard.UpAsync("Shift");
            await Task.Delay((int)(gap * Shape(i + 5)) + random.Next(15));
        }
    }

    private static int _rhythms;

    private static double Shape(int position) => 0.75 + 0.5 * (position * 7 % 11) / 10.0;

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex SixDigits();
}
