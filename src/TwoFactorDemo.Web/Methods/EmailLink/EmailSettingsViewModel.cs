namespace TwoFactorDemo.Web.Methods.EmailLink;

/// <summary>/Security/Email: the address, whether it is confirmed, and whether sign-in links are on.</summary>
public class EmailSettingsViewModel
{
    public required string Email { get; init; }
    public bool Confirmed { get; init; }
    public bool Enabled { get; init; }
}
