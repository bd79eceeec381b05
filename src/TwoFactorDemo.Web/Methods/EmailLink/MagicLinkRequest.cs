namespace TwoFactorDemo.Web.Methods.EmailLink;

/// <summary>
/// What the approval page shows of a valid link: whether this is the browser that asked (then one button is enough),
/// else who asked (browser, IP address, time) and the three numbers to pick from, one of them the waiting browser's.
/// </summary>
public sealed record MagicLinkRequest(bool SameBrowser, string RequestedBy, string? RequestedFrom, DateTimeOffset RequestedAt, IReadOnlyList<int> Choices);
