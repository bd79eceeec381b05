using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace TwoFactorDemo.Web.Presentation;

/// <summary>
/// <c>&lt;button available-at="@moment"&gt;</c>: a button the server would refuse until then gets
/// <c>data-available-in</c> = the seconds left by the server's clock, which site.js counts down (disabled meanwhile).
/// Nothing is written for a moment already past (or none).
/// </summary>
[HtmlTargetElement("button", Attributes = "available-at")]
public sealed class AvailableAtTagHelper(TimeProvider clock) : TagHelper
{
    public DateTimeOffset? AvailableAt { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var seconds = AvailableAt is { } at ? Math.Ceiling((at - clock.GetUtcNow()).TotalSeconds) : 0;
        if (seconds > 0)
        {
            output.Attributes.SetAttribute("data-available-in", seconds.ToString(CultureInfo.InvariantCulture));
        }
    }
}
