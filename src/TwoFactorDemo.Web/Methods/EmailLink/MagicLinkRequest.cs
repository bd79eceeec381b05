namespace TwoFactorDemo.Web.Methods.EmailLink;

/// <summary>
/// What the approval page shows of a valid link: whether this is the browser that asked (then one button is enough),
/// and who asked (browser, IP address, time); from another browser the person also types the waiting page's number.
/// </summary>
public sealed record MagicLinkRequest(bool SameBrowser, string RequestedBy, string? RequestedFrom, DateTimeOffset RequestedAt);
