namespace TwoFactorDemo.Web.Hosting;

/// <summary>The <c>TwoFactor:Totp</c> section.</summary>
public class TotpOptions
{
    /// <summary>The name authenticator apps show next to the account.</summary>
    public string Issuer { get; set; } = "TwoFactorDemo";
}
