using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Methods;

namespace TwoFactorDemo.Web.Authentication;

/// <summary>Decides <see cref="RecentSecondFactorRequirement"/> against the server clock.</summary>
public sealed class RecentSecondFactorRequirementHandler(
    TimeProvider clock,
    UserManager<ApplicationUser> users,
    EnrolledMethods enrolledMethods) : AuthorizationHandler<RecentSecondFactorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, RecentSecondFactorRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }
        var method = context.User.SecondFactorMethod();
        var verifiedAt = context.User.SecondFactorVerifiedAt();
        var now = clock.GetUtcNow();
        // A remembered browser proved nothing in this session, and a weaker factor (typing) does not count for step-up.
        if (enrolledMethods.CountsForStepUp(method) && verifiedAt is { } at
            && at <= now.AddMinutes(1) && now - at <= requirement.MaxAge)
        {
            context.Succeed(requirement);
            return;
        }
        if (requirement.AllowUsersWithoutMethod && await users.GetUserAsync(context.User) is { } user && !await enrolledMethods.HasPrimaryAsync(user))
        {
            context.Succeed(requirement);
            return;
        }
        context.Fail(new AuthorizationFailureReason(this, SecondFactorFailure.StepUp));
    }
}
