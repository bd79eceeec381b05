using Microsoft.AspNetCore.Authorization;

namespace TwoFactorDemo.Web.Authentication;

/// <summary>Decides <see cref="RecentSecondFactorRequirement"/> against the server clock.</summary>
public sealed class RecentSecondFactorRequirementHandler(TimeProvider clock) : AuthorizationHandler<RecentSecondFactorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RecentSecondFactorRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }
        var method = context.User.SecondFactorMethod();
        var verifiedAt = context.User.SecondFactorVerifiedAt();
        var now = clock.GetUtcNow();
        if (method is not null && method != SecondFactorMethodNames.Remembered && verifiedAt is { } at
            && at <= now.AddMinutes(1) && now - at <= requirement.MaxAge)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, SecondFactorFailure.StepUp));
        }
        return Task.CompletedTask;
    }
}
