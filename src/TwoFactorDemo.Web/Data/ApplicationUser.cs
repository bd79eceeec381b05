using Microsoft.AspNetCore.Identity;

namespace TwoFactorDemo.Web.Data;

/// <summary>An account. Second-factor state lives in columns here; the per-session proof never does.</summary>
public class ApplicationUser : IdentityUser
{
    public DateTime CreatedAt { get; set; }

    /// <summary>The last correct password (the start of a sign-in), for the admin list.</summary>
    public DateTime? LastSignInAt { get; set; }

    /// <summary>The authenticator secret (base32), encrypted with Data Protection; null when TOTP is off.</summary>
    public string? TotpSecret { get; set; }

    /// <summary>The last RFC 6238 time step accepted; a code for this step or an earlier one is a replay.</summary>
    public long? TotpLastAcceptedStep { get; set; }

    public DateTime? TotpEnabledAt { get; set; }

    /// <summary>A number (E.164) the user entered but has not yet proved with a code; <c>PhoneNumber</c> stays as it was until then.</summary>
    public string? PendingPhoneNumber { get; set; }

    /// <summary>SMS codes are a sign-in method; only ever true together with a confirmed <c>PhoneNumber</c>.</summary>
    public bool SmsEnabled { get; set; }

    /// <summary>Email sign-in links are a method; only usable together with a confirmed <c>Email</c>.</summary>
    public bool EmailLinkEnabled { get; set; }
}
