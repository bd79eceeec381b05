using System.ComponentModel.DataAnnotations;

namespace TwoFactorDemo.Web.Account;

public class RegisterViewModel
{
    [Required(ErrorMessage = "Enter your email address.")]
    [StringLength(256, ErrorMessage = "That email address is too long.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(512, MinimumLength = 12, ErrorMessage = "Use at least 12 characters (a few words make a good password).")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Enter the password again.")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirm password")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
    public string ConfirmPassword { get; set; } = "";

    [Display(Name = "Phone number (optional)")]
    [StringLength(64, ErrorMessage = "That is too long for a phone number.")]
    public string? PhoneNumber { get; set; }

    public string? ReturnUrl { get; set; }
}
