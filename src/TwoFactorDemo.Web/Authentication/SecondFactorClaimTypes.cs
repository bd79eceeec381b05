namespace TwoFactorDemo.Web.Authentication;

/// <summary>Claims that exist only in this session's cookie, never in the database.</summary>
public static class SecondFactorClaimTypes
{
    /// <summary>The method that satisfied the second factor in this session (see <see cref="SecondFactorMethodNames"/>).</summary>
    public const string Method = "tfd:2fa";

    /// <summary>When it was satisfied, as Unix seconds; drives step-up.</summary>
    public const string VerifiedAt = "tfd:2fa_at";
}
