using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Authentication;

namespace TwoFactorDemo.Tests.Unit;

public class SecondFactorClaimsTests
{
    [Fact]
    public async Task Refreshing_the_principal_keeps_the_second_factor_claims()
    {
        var current = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "u1"),
            new Claim(SecondFactorClaimTypes.Method, "totp"),
            new Claim(SecondFactorClaimTypes.VerifiedAt, "1700000000"),
        ], "Identity.Application"));
        var rebuilt = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u1")], "Identity.Application"));

        await SecondFactorPrincipalExtensions.CopySecondFactorClaims(new SecurityStampRefreshingPrincipalContext
        {
            CurrentPrincipal = current,
            NewPrincipal = rebuilt,
        });

        Assert.Equal("totp", rebuilt.SecondFactorMethod());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), rebuilt.SecondFactorVerifiedAt());
    }

    [Fact]
    public void A_principal_without_the_claim_has_no_second_factor()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u1")], "Identity.Application"));
        Assert.False(principal.HasSecondFactor());
        Assert.Null(principal.SecondFactorVerifiedAt());
    }
}
