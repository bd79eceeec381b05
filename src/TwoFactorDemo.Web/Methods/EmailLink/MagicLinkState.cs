namespace TwoFactorDemo.Web.Methods.EmailLink;

/// <summary>What a link in a mail is worth now.</summary>
public enum MagicLinkState
{
    Invalid,
    Expired,
    Used,
    Valid,
}
