using System.ComponentModel.DataAnnotations;

namespace TwoFactorDemo.Web.Authentication;

/// <summary>The <c>TwoFactor</c> configuration section.</summary>
public class TwoFactorOptions
{
    public const string Section = "TwoFactor";

    /// <summary>How long a fresh second factor counts for sensitive changes (step-up).</summary>
    public static readonly TimeSpan StepUpWindow = TimeSpan.FromMinutes(10);

    [EnumDataType(typeof(SecondFactorEnforcement))]
    public SecondFactorEnforcement Enforcement { get; set; } = SecondFactorEnforcement.Required;

    [Range(1, 365, ErrorMessage = "TwoFactor:RememberBrowserDays must be between 1 and 365.")]
    public int RememberBrowserDays { get; set; } = 30;

    /// <summary>The <c>TwoFactor:Admins</c> section: what the admin area asks beyond any second factor.</summary>
    public AdminSecondFactorOptions Admins { get; set; } = new();
}
