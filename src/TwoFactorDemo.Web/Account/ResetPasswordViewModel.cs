using System.ComponentModel.DataAnnotations;

namespace TwoFactorDemo.Web.Account;

public class ResetPasswordViewModel
{
    [Required(ErrorMessage = "Enter your email address.")]
    [StringLength(256, ErrorMessage = "That email address is too long.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "This reset link is incomplete. Ask for a new one.")]
    [StringLength(2048, ErrorMessage = "This reset link is not valid. Ask for a new one.")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(512, MinimumLength = 12, ErrorMessage = "Use at least 12 characters (a few words make a good password).")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Enter the password again.")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirm password")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
    public string ConfirmPassword { get; set; } = "";
}
