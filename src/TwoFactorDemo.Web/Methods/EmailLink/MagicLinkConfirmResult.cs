namespace TwoFactorDemo.Web.Methods.EmailLink;

/// <summary>The outcome of a confirm, with the sentence for the user and the link's return URL.</summary>
public sealed record MagicLinkConfirmResult(MagicLinkConfirmOutcome Outcome, string Message, string? UserId = null, string? ReturnUrl = null);
