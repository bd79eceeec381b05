using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Methods;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.SecuritySettings;

/// <summary>/Security: the methods and their state, recovery codes left, this browser and session.</summary>
public class SecurityOverviewViewModel
{
    public required IReadOnlyList<MethodState> Methods { get; init; }
    public int RecoveryCodesLeft { get; init; }
    public bool BrowserRemembered { get; init; }

    /// <summary>Every browser that skips the second factor, newest first; <see cref="ThisBrowserId"/> is this one.</summary>
    public IReadOnlyList<RememberedBrowser> RememberedBrowsers { get; init; } = [];
    public long? ThisBrowserId { get; init; }
    public string? SessionMethod { get; init; }
    public DateTimeOffset? SessionVerifiedAt { get; init; }
    public bool MustSetUpMethod { get; init; }

    /// <summary>The admin area asks for a phishing-resistant method, and the user has none.</summary>
    public bool MustSetUpPhishingResistant { get; init; }

    public string? ReturnUrl { get; init; }
    public bool HasAnyMethod => Methods.Any(m => m.Enrolled);
}
