using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>/TwoFactor/Sms: the code form plus where the code goes and whether one is on its way.</summary>
public class SmsChallengeViewModel : CodeViewModel
{
    /// <summary>Set by the send buttons: <c>sms</c> or <c>call</c>. Absent when the form carries a code.</summary>
    public string? Send { get; set; }

    public string MaskedPhone { get; set; } = "";

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? NextSendAt { get; set; }

    public string? SendMessage { get; set; }

    public bool SendFailed { get; set; }
}
