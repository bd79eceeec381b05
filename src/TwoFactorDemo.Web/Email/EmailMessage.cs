namespace TwoFactorDemo.Web.Email;

/// <summary>
/// One mail: a plain-text and an HTML body of the same content, and its Message-ID when the outbox gave it one (the
/// same on every attempt, so a duplicate from a retry can be recognised).
/// </summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string HtmlBody, string? MessageId = null);
