using System.Net;
using AngleSharp.Html.Dom;

namespace TwoFactorDemo.Tests.Infrastructure;

/// <summary>A response as a person (or test) sees it.</summary>
public sealed record Page(HttpStatusCode Status, string Url, string? Location, string Html, IHtmlDocument Document, HttpResponseMessage Response)
{
    public bool IsRedirect => (int)Status is >= 300 and < 400;

    public string Title => Document.Title ?? "";

    /// <summary>The visible text of the page, for message checks.</summary>
    public string Text => Document.Body?.TextContent ?? "";

    public string? Attr(string selector, string attribute) => Document.QuerySelector(selector)?.GetAttribute(attribute);

    public string? TextOf(string selector) => Document.QuerySelector(selector)?.TextContent.Trim();

    public IReadOnlyList<string> All(string selector) => Document.QuerySelectorAll(selector).Select(e => e.TextContent.Trim()).ToList();

    /// <summary>The Set-Cookie value for <paramref name="name"/> in this response, or null.</summary>
    public string? SetCookie(string name) =>
        Response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).Where(v => v.StartsWith(name + "=")).Select(v => v[(name.Length + 1)..]).LastOrDefault()
            : null;
}
