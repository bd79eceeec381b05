
namespace TwoFactorDemo.Web.Methods.EmailLink;

/// <summary>/TwoFactor/Email/Confirm: what the link is worth and the button that spends it.</summary>
public class MagicLinkConfirmViewModel
{
    public string? Token { get; set; }
    public MagicLinkState State { get; set; }
    public string? Message { get; set; }
    public bool Approved { get; set; }

    /// <summary>For a valid link: who asked, and whether this is the browser that asked.</summary>
    public MagicLinkRequest? Request { get; set; }
}
