using System.ComponentModel.DataAnnotations;

namespace TwoFactorDemo.Web.SignIn;

/// <summary>A challenge page's form: one code, remember-this-browser, and where to go next.</summary>
public class CodeViewModel
{
    [Required(ErrorMessage = "Enter the code.")]
    [StringLength(64, ErrorMessage = "That code is too long.")]
    public string? Code { get; set; }

    [Display(Name = "Remember this browser")]
    public bool RememberBrowser { get; set; }

    public string? ReturnUrl { get; set; }

    public bool StepUp { get; set; }
}
