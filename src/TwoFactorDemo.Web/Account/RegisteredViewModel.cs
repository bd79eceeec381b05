namespace TwoFactorDemo.Web.Account;

/// <summary>After registering: check the inbox, then sign in.</summary>
public class RegisteredViewModel
{
    public required string Email { get; init; }
    public bool MailSent { get; init; }
    public string ReturnUrl { get; init; } = "/";
}
