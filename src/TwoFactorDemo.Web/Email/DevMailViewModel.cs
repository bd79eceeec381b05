namespace TwoFactorDemo.Web.Email;

/// <summary>One message in /dev/mailbox, with the links found in its text.</summary>
public sealed record DevMailViewModel(DateTimeOffset Date, string To, string Subject, string Text, IReadOnlyList<string> Links);
