using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Methods;

namespace TwoFactorDemo.Web.Authentication;

/// <summary>Decides <see cref="SecondFactorRequirement"/>; reads the database only for sessions without the claim.</summary>
public sealed class SecondFactorRequirementHandler(
    UserManager<ApplicationUser> users,
    EnrolledMethods enrolledMethods,
    IOptions<TwoFactorOptions> options) : AuthorizationHandler<SecondFactorRequirement>
{
    private async Task<bool> HasPhishingResistantAsync(AuthorizationHandlerContext context) =>
        await users.GetUserAsync(context.User) is { } user && await enrolledMethods.HasEnrolledAsync(user, m => m.IsPhishingResistant);

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, SecondFactorRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return; // the policy's authenticated-user requirement sends this one to the login page
        }
        if (context.User.HasSecondFactor())
        {
            // The admin area: proved in this session (not a remembered browser), by a method that counts for step-up (not typing).
            if (requirement.InThisSession && !enrolledMethods.CountsForStepUp(context.User.SecondFactorMethod()))
            {
                context.Fail(new AuthorizationFailureReason(this, SecondFactorFailure.StepUp));
                return;
            }
            if (requirement.AlwaysRequired && options.Value.Admins.RequirePhishingResistant
                && enrolledMethods.Find(context.User.SecondFactorMethod() ?? "") is not { IsPhishingResistant: true })
            {
                context.Fail(new AuthorizationFailureReason(this, await HasPhishingResistantAsync(context)
                    ? SecondFactorFailure.PhishingResistantStepUp
                    : SecondFactorFailure.EnrolPhishingResistant));
                return;
            }
            context.Succeed(requirement);
            return;
        }
        var user = await users.GetUserAsync(context.User);
        if (user is null)
        {
            context.Fail(new AuthorizationFailureReason(this, SecondFactorFailure.Challenge));
            return;
        }
        if (await enrolledMethods.HasPrimaryAsync(user))
        {
            context.Fail(new AuthorizationFailureReason(this, SecondFactorFailure.Challenge));
        }
        else if (!requirement.AlwaysRequired
            && (requirement.AllowUsersWithoutMethod || options.Value.Enforcement == SecondFactorEnforcement.Optional))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, SecondFactorFailure.Enrol));
        }
    }
}
