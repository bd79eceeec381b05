namespace TwoFactorDemo.Web.Methods.EmailLink;

/// <summary>/TwoFactor/Email: send a link, wait for it (the page refreshes itself), continue once approved.</summary>
public class EmailChallengeViewModel
{
    /// <summary>Set by the send button (<c>email</c>); absent when the form says "I approved it".</summary>
    public string? Send { get; set; }

    public bool RememberBrowser { get; set; }
    public string? ReturnUrl { get; set; }
    public bool StepUp { get; set; }

    public string MaskedEmail { get; set; } = "";
    public DateTimeOffset? SentAt { get; set; }
    public bool Approved { get; set; }
    public TwoFactorDemo.Web.Outbox.OutboxDelivery Delivery { get; set; }
    public string? Message { get; set; }
    public bool MessageIsError { get; set; }
}
