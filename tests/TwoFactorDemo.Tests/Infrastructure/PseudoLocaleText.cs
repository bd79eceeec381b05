using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using TwoFactorDemo.Web.Localization;

namespace TwoFactorDemo.Tests.Infrastructure;

/// <summary>
/// Reads a page rendered in the pseudo-locale, where every string from the resources is wrapped in ⟦ ⟧, and returns
/// the words outside any brackets: text that did not come from resources. Skipped: scripts and styles, elements marked
/// <c>translate="no"</c> (records and names kept as they were written) or in another language than the page
/// (<c>lang</c>: the language switch, the typing phrase), and the data the test itself typed. A placeholder left in the
/// page ("{0}") is reported too, inside brackets or not: a resource shown without its arguments.
/// </summary>
public static partial class PseudoLocaleText
{
    public static IReadOnlyList<string> Stray(IDocument document, IEnumerable<string> data)
    {
        var page = document.DocumentElement.GetAttribute("lang") ?? "";
        var text = new StringBuilder();
        Walk(document.Body!, page, text);
        foreach (var element in document.All)
        {
            if (Exempt(element, page))
            {
                continue;
            }
            foreach (var name in new[] { "title", "aria-label", "placeholder", "alt" })
            {
                if (element.GetAttribute(name) is { } value)
                {
                    text.Append('\u0001').Append(value).Append('\u0001');
                }
            }
            if (element is { LocalName: "input" } && element.GetAttribute("type") is "submit" or "button" && element.GetAttribute("value") is { } label)
            {
                text.Append('\u0001').Append(label).Append('\u0001');
            }
        }
        // A placeholder still in the page is a resource shown without its arguments (a format string never formatted).
        var unformatted = Placeholder().Matches(text.ToString()).Select(m => "unformatted " + m.Value).Distinct().ToList();
        var outside = Outside(text.ToString());
        foreach (var value in data.Where(d => d.Length > 0).OrderByDescending(d => d.Length))
        {
            outside = outside.Replace(value, " ", StringComparison.Ordinal);
        }
        return outside.Split('\u0001')
            .Select(segment => Whitespace().Replace(segment, " ").Trim())
            .Where(segment => Words().Count(Data().Replace(segment, " ")) > 0)
            .Distinct()
            .Concat(unformatted)
            .ToList();
    }

    private static bool Exempt(IElement element, string page) =>
        element.Closest("script, style, template, [translate=no]") is not null
        || element.Closest("[lang]") is { } marked && marked.GetAttribute("lang") != page;

    private static void Walk(INode node, string page, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IElement element)
            {
                if (Exempt(element, page))
                {
                    text.Append('\u0001');
                    continue;
                }
                Walk(element, page, text);
            }
            else if (child.NodeType == NodeType.Text)
            {
                text.Append(child.TextContent);
            }
        }
    }

    /// <summary>The characters outside every ⟦ ⟧ pair (they nest when a localized string is an argument of another).</summary>
    private static string Outside(string text)
    {
        var outside = new StringBuilder();
        var depth = 0;
        foreach (var c in text)
        {
            if (c == PseudoStringLocalizer.Open[0])
            {
                depth++;
                outside.Append(' ');
            }
            else if (c == PseudoStringLocalizer.Close[0])
            {
                depth = Math.Max(0, depth - 1);
                outside.Append(' ');
            }
            else
            {
                outside.Append(depth == 0 ? c : ' ');
            }
        }
        return outside.ToString();
    }

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // Words: two letters or more. Numbers, codes (ABCD-EFGH-JKLM), addresses and masked contacts are data, not words.
    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Words();

    [GeneratedRegex(@"\S*[@\d•]\S*|https?://\S+")]
    private static partial Regex Data();
}
