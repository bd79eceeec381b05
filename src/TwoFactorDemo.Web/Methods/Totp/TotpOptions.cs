namespace TwoFactorDemo.Web.Methods.Totp;

/// <summary>The <c>TwoFactor:Totp</c> section.</summary>
public class TotpOptions
{
    public const string Section = "TwoFactor:Totp";

    /// <summary>The name authenticator apps show next to the account.</summary>
    public string Issuer { get; set; } = "TwoFactorDemo";
}
