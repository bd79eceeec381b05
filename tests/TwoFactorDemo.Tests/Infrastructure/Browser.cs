using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace TwoFactorDemo.Tests.Infrastructure;

/// <summary>One browser: an HttpClient with its own cookies that reads pages with AngleSharp and submits their real forms.</summary>
public sealed class Browser(HttpClient client) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client { get; } = client;

    public async Task<Page> GetAsync(string url) => await ReadAsync(await Client.GetAsync(url));

    /// <summary>GETs <paramref name="url"/> and follows redirects, like a person clicking through.</summary>
    public async Task<Page> OpenAsync(string url)
    {
        var page = await GetAsync(url);
        for (var hops = 0; page.IsRedirect && hops < 10; hops++)
        {
            page = await GetAsync(page.Location!);
        }
        return page;
    }

    /// <summary>
    /// Submits the form matched by <paramref name="formSelector"/> with its own fields (antiforgery token included) plus
    /// <paramref name="fields"/>, to its action or to <paramref name="action"/> (as a script posting the form elsewhere does).
    /// </summary>
    public async Task<Page> SubmitAsync(Page page, string formSelector, IDictionary<string, string>? fields = null, string? action = null)
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}: {page.Title}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" } box when box.IsChecked:
                    values.Add(new(box.Name!, box.Value));
                    break;
                case IHtmlInputElement { Type: "hidden" } hidden when hidden.Name is { } name && values.Any(v => v.Key == name):
                    break; // MVC's hidden "false" after a checkbox: the browser sends both, the binder takes the first

                case IHtmlInputElement { Type: "checkbox" or "submit" or "button" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    values.Add(new(input.Name, input.Value));
                    break;
            }
        }
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }
        action ??= string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url : form.GetAttribute("action")!;
        return await PostAsync(action, values);
    }

    /// <summary>A raw POST, for requests a page would never send (a missing token, bad bytes).</summary>
    public async Task<Page> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> values) =>
        await ReadAsync(await Client.PostAsync(url, new FormUrlEncodedContent(values)));

    public async Task<Page> PostAsync(string url, HttpContent content) => await ReadAsync(await Client.PostAsync(url, content));

    private static async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        // The cookie handler redirects with absolute URLs to this host; compare them as paths.
        var location = response.Headers.Location is { IsAbsoluteUri: true, Host: "localhost" } absolute
            ? absolute.PathAndQuery
            : response.Headers.Location?.OriginalString;
        var url = response.RequestMessage!.RequestUri!.PathAndQuery;
        return new Page(response.StatusCode, url, location, html, (IHtmlDocument)Parser.ParseDocument(html), response);
    }

    public void Dispose() => Client.Dispose();
}
