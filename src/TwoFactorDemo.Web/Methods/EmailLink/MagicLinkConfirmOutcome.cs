namespace TwoFactorDemo.Web.Methods.EmailLink;

/// <summary>What opening (and confirming) a link did.</summary>
public enum MagicLinkConfirmOutcome
{
    /// <summary>Opened in the browser that asked for it: that session may complete now.</summary>
    SameSession,

    /// <summary>Opened elsewhere and approved: the waiting browser completes on its own page.</summary>
    ApprovedElsewhere,

    /// <summary>Not usable: invalid, expired, used, another account's, or the wrong number was typed (which voids it).</summary>
    Refused,

    /// <summary>Opened elsewhere, but no number was typed yet: the page asks again, nothing changed.</summary>
    PickNumber,
}
