namespace TwoFactorDemo.Web.Methods.Passkeys;

/// <summary>What a passkey form posts: the browser's answer (filled in by passkeys.js), and where to go afterwards.</summary>
public class PasskeyFormModel
{
    public string? Credential { get; set; }
    public string? Name { get; set; }
    public bool RememberBrowser { get; set; }
    public string? ReturnUrl { get; set; }
    public bool StepUp { get; set; }
    public string? Message { get; set; }
}
