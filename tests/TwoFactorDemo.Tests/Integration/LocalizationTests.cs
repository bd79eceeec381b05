using System.Net;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Tests.Pages;
using Xunit.Abstractions;

namespace TwoFactorDemo.Tests.Integration;

/// <summary>Issue 18, item 13: every user-facing string from resources, English and Spanish, and dates in the reader's culture.</summary>
public class LocalizationTests(ITestOutputHelper output) : AppTest
{
    /// <summary>GET routes that answer something other than a page, with why.</summary>
    private static readonly Dictionary<string, string> NotPages = new()
    {
        ["/TwoFactor/EmailStatus"] = "JSON for email-wait.js",
        ["/Admin/Audit/Export"] = "CSV download",
    };

    // Issue 18, item 13: a page rendered in the pseudo-locale shows every resource string in ⟦ ⟧; any word outside them
    // did not come from resources. Every GET route of the app is opened as a visitor, as people half-way through signing
    // in, as signed-in people with every method between them, and as an admin; each must render a page (error pages
    // included) for at least one of them.
    [Fact]
    public async Task Issue18_Item13_every_page_in_the_pseudo_locale_has_no_string_that_did_not_come_from_resources()
    {
        var visitor = Pseudo(App.NewBrowser());
        var (owner, halfway) = await Stories.RegisterWithTotpAndEmailLinkAsync();
        await UserStories.EnrolTypingAsync(owner, new Random(13));
        Pseudo(owner);
        var pending = Pseudo(App.NewBrowser());
        await Stories.LoginPasswordAsync(pending, halfway);
        var (texterBrowser, texter) = await Stories.RegisterWithSmsAsync();
        Pseudo(texterBrowser);
        var smsPending = Pseudo(App.NewBrowser());
        await Stories.LoginPasswordAsync(smsPending, texter);
        var (_, adminUser) = await Stories.AdminAsync();
        var (admin, _) = await Stories.AdminAsync(adminUser); // a second sign-in: /Security then says when each method was last used
        Pseudo(admin);
        Assert.Equal("/Security/Passkeys", (await PasskeyPages.AddAsync(admin, new SoftwareAuthenticator(), "Laptop")).Location);
        var passkeyId = (await admin.GetAsync("/Security/Passkeys")).Attr("[data-passkey-id]", "data-passkey-id")!;
        var adminId = (await App.UserAsync(adminUser.Email)).Id;
        var values = new Dictionary<string, string> { ["id"] = adminId, ["operation"] = "lock", ["statusCode"] = "404" };
        var data = new[] { halfway.Email, texter.Email, adminUser.Email, "Laptop", "TwoFactorDemo" };

        var failures = new List<string>();
        var rendered = new HashSet<string>();
        var checkedPages = 0;
        var routes = GetRoutes().ToList();
        Assert.True(routes.Count > 30, $"only {routes.Count} GET routes found");
        foreach (var route in routes)
        {
            var url = Fill(route, route.StartsWith("/Security/Passkeys/", StringComparison.Ordinal) ? new() { ["id"] = passkeyId } : values);
            foreach (var (who, browser) in new[] { ("visitor", visitor), ("halfway", pending), ("sms", smsPending), ("owner", owner), ("texter", texterBrowser), ("admin", admin) })
            {
                var page = await browser.GetAsync(url);
                if (page.Response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }
                rendered.Add(route);
                checkedPages++;
                Assert.Equal("qps-ploc", page.Document.DocumentElement.GetAttribute("lang"), ignoreCase: true);
                failures.AddRange(PseudoLocaleText.Stray(page.Document, data).Select(text => $"{url} ({who}): {text}"));
            }
        }

        output.WriteLine($"{routes.Count} GET routes, {rendered.Count} rendered as pages, {checkedPages} pages checked in the pseudo-locale");
        Assert.True(failures.Count == 0, "Not from resources:\n" + string.Join("\n", failures.Distinct()));
        var unrendered = routes.Where(r => !rendered.Contains(r) && !NotPages.ContainsKey(r)).ToList();
        Assert.True(unrendered.Count == 0, "Never rendered as a page: " + string.Join(", ", unrendered));
    }

    // Issue 18, item 13: the browser's Accept-Language chooses Spanish: <html lang>, the words, validation messages, and
    // dates in Spanish; a language the app does not speak falls back to English.
    [Fact]
    public async Task Issue18_Item13_Accept_Language_chooses_Spanish_with_its_dates_and_messages()
    {
        var browser = Speaking(App.NewBrowser(), "es-ES,es;q=0.9,en;q=0.5");
        var login = await browser.GetAsync("/Account/Login");
        Assert.Equal("es", login.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Iniciar sesión – TwoFactorDemo", login.Title);
        Assert.Equal("true", login.Attr("#language-switch button[value=es]", "aria-pressed"));

        var empty = await browser.SubmitAsync(login, "main form", new Dictionary<string, string> { ["Email"] = "", ["Password"] = "" });
        Assert.Contains("Escribe tu dirección de correo.", empty.Text);
        Assert.Contains("Escribe tu contraseña.", empty.Text);

        var (owner, _) = await Stories.RegisterWithTotpAsync();
        Speaking(owner, "es");
        var security = await owner.GetAsync("/Security");
        var spanishDate = App.Clock.GetUtcNow().ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("es"));
        Assert.Contains($"Activado desde el {spanishDate}", security.TextOf("[data-method=totp] [data-summary]"));
        Assert.Contains("Códigos de recuperación", security.Text);

        var klingon = await Speaking(App.NewBrowser(), "tlh").GetAsync("/Account/Login");
        Assert.Equal("en", klingon.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Log in", klingon.Title);
    }

    // Issue 18, item 13: the footer switch remembers a choice over the browser's own language, goes back to the page it
    // was used on (never to another site), and refuses a language the app does not speak without changing anything.
    [Fact]
    public async Task Issue18_Item13_the_language_switch_is_remembered_over_Accept_Language()
    {
        var browser = Speaking(App.NewBrowser(), "en-US");
        var home = await browser.GetAsync("/Account/Register");

        var switched = await browser.SubmitAsync(home, "#language-switch", new Dictionary<string, string> { ["culture"] = "es" });
        Assert.Equal("/Account/Register", switched.Location);
        var register = await browser.GetAsync("/Account/Register");
        Assert.Equal("es", register.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Crear una cuenta", register.Text);

        var elsewhere = await browser.SubmitAsync(register, "#language-switch", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "https://evil.example/" });
        Assert.Equal("/", elsewhere.Location);
        Assert.Equal("en", (await browser.GetAsync("/")).Document.DocumentElement.GetAttribute("lang"));

        var unknown = await browser.SubmitAsync(register, "#language-switch", new Dictionary<string, string> { ["culture"] = "xx", ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Equal("en", (await browser.GetAsync("/")).Document.DocumentElement.GetAttribute("lang"));
    }

    // Issue 18, item 13: mail speaks the language of the page that asked for it, also a password reset, which the
    // outbox composes later, in the background.
    [Fact]
    public async Task Issue18_Item13_mail_is_written_in_the_language_of_the_page_that_asked_for_it()
    {
        var browser = Speaking(App.NewBrowser(), "es");
        var user = UserStories.NewUser();
        var register = await browser.GetAsync("/Account/Register");
        await browser.SubmitAsync(register, "main form", new Dictionary<string, string>
        {
            ["Email"] = user.Email, ["Password"] = user.Password, ["ConfirmPassword"] = user.Password,
        });
        Assert.Single(await Stories.LinksInMailAsync(user.Email, "Confirma tu correo para TwoFactorDemo"));

        var forgot = await browser.GetAsync("/Account/ForgotPassword");
        await browser.SubmitAsync(forgot, "main form", new Dictionary<string, string> { ["Email"] = user.Email });
        var text = await Stories.MailTextAsync(user.Email, "Restablece tu contraseña de TwoFactorDemo");
        Assert.Contains("Alguien (esperamos que tú) pidió restablecer la contraseña", text);
        Assert.Equal("es", await App.WithDbAsync(db => db.Set<TwoFactorDemo.Web.Outbox.OutboxMessage>()
            .Where(m => m.Kind == TwoFactorDemo.Web.Email.MailKinds.PasswordResetRequest).Select(m => m.Culture).SingleAsync()));
    }

    // Issue 18, item 13: every English string has its Spanish, with the same placeholders, and the code uses no key the
    // resources lack (the same rules as Localization/sync-resources.py).
    [Fact]
    public void Issue18_Item13_every_resource_has_its_Spanish_and_every_key_in_the_code_is_a_resource()
    {
        var folder = Path.Combine(Repository.Root, "src", "TwoFactorDemo.Web", "Localization");
        var english = Repository.ReadResx(Path.Combine(folder, "SharedResource.resx"));
        var spanish = Repository.ReadResx(Path.Combine(folder, "SharedResource.es.resx"));

        Assert.True(english.Count > 500, $"{english.Count} English strings");
        Assert.All(english, pair => Assert.Equal(pair.Key, pair.Value));
        var missing = english.Keys.Where(k => string.IsNullOrWhiteSpace(spanish.GetValueOrDefault(k))).ToList();
        Assert.True(missing.Count == 0, "No Spanish for: " + string.Join(" | ", missing));
        var mismatched = english.Keys.Where(k => !Placeholders(k).SetEquals(Placeholders(spanish[k]))).ToList();
        Assert.True(mismatched.Count == 0, "Placeholders differ: " + string.Join(" | ", mismatched));
        var used = Repository.KeysUsedInCode(Path.Combine(Repository.Root, "src", "TwoFactorDemo.Web"));
        Assert.Empty(used.Except(english.Keys));
        Assert.Empty(english.Keys.Except(used));
    }

    // The check itself: a page with a stray English word is caught, one from resources is not.
    [Fact]
    public void The_pseudo_locale_check_finds_a_word_outside_the_brackets()
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var clean = parser.ParseDocument("<html lang=\"qps-ploc\"><body><p>⟦Sign in as ⟦bob⟧⟧ 42</p><span translate=\"no\">Laptop</span><b lang=\"en\">phrase</b></body></html>");
        var stray = parser.ParseDocument("<html lang=\"qps-ploc\"><body><p>⟦Sign in⟧ now</p><button title=\"Close\">⟦x⟧</button><i>⟦Last used ⟦{0:d MMM}⟧⟧</i></body></html>");

        Assert.Empty(PseudoLocaleText.Stray(clean, []));
        Assert.Equal(["now", "Close", "unformatted {0:d MMM}"], PseudoLocaleText.Stray(stray, []));
    }

    private static Browser Pseudo(Browser browser) => Speaking(browser, "qps-ploc");

    private static Browser Speaking(Browser browser, string acceptLanguage)
    {
        browser.Client.DefaultRequestHeaders.AcceptLanguage.Clear();
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        return browser;
    }

    private static HashSet<string> Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+(:[^}]*)?\}").Select(m => m.Value.Split(':')[0].TrimEnd('}')).ToHashSet();

    /// <summary>The app's GET routes that a controller action answers (static files and health checks are not pages).</summary>
    private IEnumerable<string> GetRoutes() =>
        AppRoutes.Of(App.Services).Where(r => r.Method == "GET" && r.IsAction).Select(r => r.Template).Distinct();

    private static string Fill(string route, Dictionary<string, string> values) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+)[^}]*\}", m => values.GetValueOrDefault(m.Groups[1].Value, "x"));
}
