using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Sessions;

namespace TwoFactorDemo.Web.Authentication;

/// <summary>Reads and carries the per-session second-factor claims.</summary>
public static class SecondFactorPrincipalExtensions
{
    /// <summary>True when this session proved a second factor.</summary>
    public static bool HasSecondFactor(this ClaimsPrincipal principal) => principal.SecondFactorMethod() is not null;

    /// <summary>The method that satisfied the second factor, or null.</summary>
    public static string? SecondFactorMethod(this ClaimsPrincipal principal) =>
        principal.FindFirst(SecondFactorClaimTypes.Method)?.Value;

    /// <summary>When the second factor was proved, or null.</summary>
    public static DateTimeOffset? SecondFactorVerifiedAt(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirst(SecondFactorClaimTypes.VerifiedAt)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>
    /// Copies the session's second-factor claims (and its session key) into the principal Identity rebuilds on a security-stamp check;
    /// without it the claim would silently vanish (dotnet/aspnetcore#49610).
    /// </summary>
    public static Task CopySecondFactorClaims(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
        {
            foreach (var claim in current.Claims.Where(c => c.Type is SecondFactorClaimTypes.Method or SecondFactorClaimTypes.VerifiedAt or SessionClaimTypes.SessionId or "amr"))
            {
                if (!identity.HasClaim(claim.Type, claim.Value))
                {
                    identity.AddClaim(new Claim(claim.Type, claim.Value));
                }
            }
        }
        return Task.CompletedTask;
    }
}
