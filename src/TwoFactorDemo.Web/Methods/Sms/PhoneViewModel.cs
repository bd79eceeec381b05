using System.ComponentModel.DataAnnotations;

namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>/Security/Phone: the verified number, a number waiting for its code, and the two forms.</summary>
public class PhoneViewModel
{
    public string? VerifiedPhone { get; set; }
    public string? PendingPhone { get; set; }
    public bool SmsEnabled { get; set; }
    public DateTimeOffset? NextSendAt { get; set; }

    /// <summary>This session has sent a code to <see cref="PendingPhone"/> (a number given at registration has none yet).</summary>
    public bool CodeSent { get; set; }
    public string? Message { get; set; }
    public bool MessageIsError { get; set; }

    [Display(Name = "Phone number")]
    [StringLength(64, ErrorMessage = "That is too long for a phone number.")]
    public string? PhoneNumber { get; set; }

    [StringLength(64, ErrorMessage = "That code is too long.")]
    public string? Code { get; set; }

    [Display(Name = "Use this number for sign-in codes")]
    public bool UseForSignIn { get; set; } = true;

    /// <summary>Set by the resend buttons on the code form: <c>sms</c> or <c>call</c>.</summary>
    public string? Send { get; set; }
}
