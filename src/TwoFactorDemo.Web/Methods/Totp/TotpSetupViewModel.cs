using System.ComponentModel.DataAnnotations;

namespace TwoFactorDemo.Web.Methods.Totp;

/// <summary>/Security/Totp: the QR code and key to scan, and the code that confirms it.</summary>
public class TotpSetupViewModel
{
    public TotpSetup? Setup { get; set; }

    public bool Enabled { get; set; }

    public DateTime? EnabledAt { get; set; }

    [Required(ErrorMessage = "Enter the 6-digit code your app shows.")]
    [StringLength(64, ErrorMessage = "That code is too long.")]
    public string? Code { get; set; }
}
