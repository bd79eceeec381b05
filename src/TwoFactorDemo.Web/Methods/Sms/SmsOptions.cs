using System.ComponentModel.DataAnnotations;

namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>The <c>Sms</c> section.</summary>
public class SmsOptions
{
    public const string Section = "Sms";

    [EnumDataType(typeof(SmsProviderKind))]
    public SmsProviderKind Provider { get; set; } = SmsProviderKind.Local;

    /// <summary>The region (ISO 3166 two letters) assumed for numbers typed without a leading <c>+</c>.</summary>
    [Required, RegularExpression("^[A-Z]{2}$", ErrorMessage = "Sms:DefaultRegion must be two capital letters, like US or GB.")]
    public string DefaultRegion { get; set; } = "US";

    public TwilioOptions Twilio { get; set; } = new();

    /// <summary>Limits on sending: per account and per number in <see cref="NumberWindow"/>, per client IP in <see cref="IpWindow"/>.</summary>
    [Range(1, 1000, ErrorMessage = "Sms:SendsPerNumber must be between 1 and 1000.")]
    public int SendsPerNumber { get; set; } = 5;

    [Range(1, 10000, ErrorMessage = "Sms:SendsPerIp must be between 1 and 10000.")]
    public int SendsPerIp { get; set; } = 20;

    public static readonly TimeSpan NumberWindow = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Codes sent to a number that is not yet proved (a claim: registration or /Security/Phone), per number and per
    /// account in <see cref="NumberWindow"/>, counted apart from sign-in codes: numbers may be shared by several
    /// accounts, and somebody claiming a number must not use up its owners' sign-in codes (issue 18, bug 3). Kept below
    /// Twilio Verify's 5 sends per number, so the number's owners keep sends of their own.
    /// </summary>
    public const int ClaimSendsPerNumber = 3;

    /// <summary>Wrong codes typed for claims of one number in <see cref="NumberWindow"/>, all accounts together: below the
    /// provider's 5 tries per code, so claims can't use up the tries of an owner's code in flight.</summary>
    public const int ClaimWrongCodesPerNumber = 2;
    public static readonly TimeSpan IpWindow = TimeSpan.FromHours(1);

    /// <summary>How long before the same session may ask again (shown on the page).</summary>
    public static readonly TimeSpan ResendCooldown = TimeSpan.FromSeconds(30);

    /// <summary>How long a code lives (Twilio's default, and the local provider's).</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);
}
