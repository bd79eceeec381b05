namespace TwoFactorDemo.Web.Email;

/// <summary>One mail: a plain-text and an HTML body of the same content.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string HtmlBody);
