namespace TwoFactorDemo.Web.Authentication;

/// <summary>The <c>TwoFactor:Admins</c> section.</summary>
public class AdminSecondFactorOptions
{
    /// <summary>
    /// When true, the admin area accepts only a session verified by a phishing-resistant method (a passkey): a code, a
    /// link or a typing sample can be relayed by a real-time phishing proxy, a passkey cannot. Default false; turn it on
    /// once every admin has added a passkey (an admin without one is sent to add it).
    /// </summary>
    public bool RequirePhishingResistant { get; set; }
}
