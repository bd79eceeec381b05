using System.ComponentModel.DataAnnotations;

namespace TwoFactorDemo.Web.Data;

/// <summary>The <c>Seed</c> section: the admin account created in Development.</summary>
public class SeedOptions
{
    public const string Section = "Seed";

    [Required(ErrorMessage = "Seed:AdminEmail must be set."), EmailAddress(ErrorMessage = "Seed:AdminEmail must be an email address.")]
    public string AdminEmail { get; set; } = "admin@twofactordemo.local";

    /// <summary>When unset, a password is generated and printed once to the console.</summary>
    public string? AdminPassword { get; set; }
}
