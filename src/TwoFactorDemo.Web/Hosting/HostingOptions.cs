namespace TwoFactorDemo.Web.Hosting;

/// <summary>The <c>Hosting</c> section: how strict the app is outside Development.</summary>
public class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>
    /// Outside Development (default true): every cookie is <c>Secure</c> with the <c>__Host-</c> prefix, HSTS is sent
    /// and plain HTTP is redirected. Set false only to serve plain HTTP on loopback (the load benchmark); never in production.
    /// </summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>
    /// Outside Development the dev mailbox and the local SMS outbox are refused at start-up (they would keep live
    /// links and codes where nobody receives them, the mailbox in plain files). True lets them run, for a demo or
    /// staging site only.
    /// </summary>
    public bool AllowDevProviders { get; set; }
}
