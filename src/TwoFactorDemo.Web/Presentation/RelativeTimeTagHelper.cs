using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace TwoFactorDemo.Web.Presentation;

/// <summary>
/// <c>&lt;relative-time at="@moment" /&gt;</c> renders <c>&lt;time datetime="…Z" title="2026-11-29 14:02 UTC" data-relative
/// data-seconds="45"&gt;in 45 seconds&lt;/time&gt;</c>: relative words, the absolute time in the title, and the distance from the
/// server's clock (site.js keeps the words current from it and turns the title into the reader's local time).
/// </summary>
[HtmlTargetElement("relative-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RelativeTimeTagHelper(TimeProvider clock, IStringLocalizer<Localization.SharedResource> T) : TagHelper
{
    public DateTimeOffset At { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var at = At.ToUniversalTime();
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        output.Attributes.SetAttribute("title", T["{0:yyyy-MM-dd HH:mm:ss} UTC", at].Value);
        output.Attributes.SetAttribute("data-relative", "");
        var now = clock.GetUtcNow();
        output.Attributes.SetAttribute("data-seconds", Math.Round((at - now).TotalSeconds).ToString(CultureInfo.InvariantCulture));
        output.Content.SetContent(RelativeTime.Describe(at, now, T));
    }
}
