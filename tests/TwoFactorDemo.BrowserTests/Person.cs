using System.Text.Json;
using Microsoft.Playwright;

namespace TwoFactorDemo.BrowserTests;

/// <summary>
/// One person at one browser: a fresh context and page, every console error and page error collected (a CSP
/// violation is one), and helpers to screenshot each page at desktop and phone sizes and check it with axe.
/// </summary>
public sealed class Person : IAsyncDisposable
{
    private static readonly Lazy<string> Axe = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js")));
    private readonly List<string> _errors = [];
    private readonly string _story;
    private int _shot;

    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private readonly ViewportSize _viewport;

    private Person(BrowserApp app, IBrowserContext context, IPage page, string story, ViewportSize viewport)
    {
        _viewport = viewport;
        App = app;
        Context = context;
        Page = page;
        _story = story;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => _errors.Add(error);
    }

    public BrowserApp App { get; }
    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>
    /// A new person; <paramref name="localhost"/> browses as http://localhost:port (WebAuthn refuses an IP address as the
    /// site's ID); <paramref name="onPhone"/> runs the whole story at 390×844 with a touch screen; <paramref name="locale"/>
    /// is the browser's language (its Accept-Language and navigator.language).
    /// </summary>
    public static async Task<Person> StartAsync(BrowserApp app, string story, bool localhost = false, bool onPhone = false, string locale = "en-US")
    {
        var baseUrl = localhost ? app.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) : app.BaseUrl;
        var viewport = onPhone ? Phone : Desktop;
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl, ViewportSize = viewport, HasTouch = onPhone, IsMobile = onPhone, Locale = locale,
            // Bootstrap turns its colour transitions off for reduced motion: axe then checks the colours a person sees
            // once the page has switched to dark, not a frame half-way there (a run once caught a button mid-fade).
            ReducedMotion = ReducedMotion.Reduce,
        });
        return new Person(app, context, await context.NewPageAsync(), story, viewport);
    }

    public Task GoAsync(string path) => Page.GotoAsync(path);

    /// <summary>
    /// Screenshots the page at 1280×800 and 390×844 and checks it with axe at both sizes (no serious or critical
    /// violations), then in dark mode; the person's own size is kept afterwards.
    /// </summary>
    public async Task CheckAsync(string name)
    {
        _shot++;
        var folder = ScreenshotFolder;
        var file = $"{_story}-{_shot:D2}-{name}";
        foreach (var (size, label) in new[] { (Desktop, "desktop"), (Phone, "phone") })
        {
            await Page.SetViewportSizeAsync(size.Width, size.Height);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{file}-{label}.png"), FullPage = true });
            await AssertAxeCleanAsync($"{file} ({label})");
        }
        await Page.SetViewportSizeAsync(_viewport.Width, _viewport.Height);

        // The same page in dark mode (issue 18, item 11): the device prefers dark, the page follows (theme.js).
        if (await Page.GetAttributeAsync("html", "data-theme-choice") == "auto")
        {
            await Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
            await Page.WaitForSelectorAsync("html[data-bs-theme=dark]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, file + (_viewport == Phone ? "-phone-dark.png" : "-desktop-dark.png")), FullPage = true });
            await AssertAxeCleanAsync(file + " (dark)");
            await Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
            await Page.WaitForSelectorAsync("html[data-bs-theme=light]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        }
    }

    private async Task AssertAxeCleanAsync(string what)
    {
        if (!await Page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
        {
            await Page.EvaluateAsync(Axe.Value);
        }
        var result = await Page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.help + ' [' + v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + ((n.any[0] || {}).message || '')).join(' | ') + ']')");
        var serious = result.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(serious.Count == 0, $"{what}: {string.Join("; ", serious)}");
    }

    /// <summary>Where the screenshots go: TestResults/screenshots at the repository root.</summary>
    public static string ScreenshotFolder => Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "TestResults", "screenshots")).FullName;

    /// <summary>Fails the test if the page logged an error or broke the CSP.</summary>
    public void AssertNoErrors() => Assert.True(_errors.Count == 0, string.Join("\n", _errors));

    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TwoFactorDemo.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}
