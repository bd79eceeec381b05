namespace TwoFactorDemo.Web.Methods.Passkeys;

/// <summary>
/// The <c>Passkeys</c> section. Outside Development both are required (the app refuses to start without them) and the
/// request's Host header is never used; in Development the request's own host and origin are, so <c>localhost</c> works.
/// </summary>
public class PasskeysOptions
{
    public const string Section = "Passkeys";

    /// <summary>The relying-party ID: the site's registrable domain, e.g. <c>example.com</c> (never an IP address).</summary>
    public string? ServerDomain { get; set; }

    /// <summary>The origins a browser may sign from, e.g. <c>https://example.com</c>.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}
