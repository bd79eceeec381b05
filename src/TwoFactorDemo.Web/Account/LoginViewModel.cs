using System.ComponentModel.DataAnnotations;

namespace TwoFactorDemo.Web.Account;

public class LoginViewModel
{
    [Required(ErrorMessage = "Enter your email address.")]
    [StringLength(256, ErrorMessage = "That email address is too long.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(512, ErrorMessage = "That password is too long.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}
