using System.ComponentModel.DataAnnotations;

namespace TwoFactorDemo.Web.Account;

public class ForgotPasswordViewModel
{
    [Required(ErrorMessage = "Enter your email address.")]
    [StringLength(256, ErrorMessage = "That email address is too long.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = "";
}
