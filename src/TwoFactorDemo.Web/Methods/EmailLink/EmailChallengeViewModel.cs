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

    /// <summary>When the link the page waited for was asked (Unix seconds), as posted back by the page (it writes <see cref="SentAt"/>).</summary>
    public long? Since { get; set; }

    public DateTimeOffset? SinceTime => FromUnixSeconds(Since);

    /// <summary>The status URL the page's script asks (<c>/TwoFactor/EmailStatus</c> with this page's step-up and time).</summary>
    public string StatusUrl => $"/TwoFactor/EmailStatus?stepUp={(StepUp ? "true" : "false")}&since={SentAt?.ToUnixTimeSeconds()}";

    /// <summary>A posted Unix time, or null when it is absent or out of range (never an exception).</summary>
    public static DateTimeOffset? FromUnixSeconds(long? seconds) =>
        seconds is >= 0 and <= 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(seconds.Value) : null;
    public bool Approved { get; set; }

    /// <summary>The number the person types when they approve the link from another device (number matching).</summary>
    public int? MatchNumber { get; set; }
    public TwoFactorDemo.Web.Outbox.OutboxDelivery Delivery { get; set; }
    public string? Message { get; set; }
    public bool MessageIsError { get; set; }
}
