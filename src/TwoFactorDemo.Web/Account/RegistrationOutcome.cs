namespace TwoFactorDemo.Web.Account;

/// <summary>What registering answered: the problems with what was typed (none when accepted), and whether its mail went out.</summary>
public sealed record RegistrationOutcome(IReadOnlyList<string> Errors, bool MailSent)
{
    public bool Accepted => Errors.Count == 0;
}
