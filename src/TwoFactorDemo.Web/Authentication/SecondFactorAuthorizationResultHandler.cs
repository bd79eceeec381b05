using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;

namespace TwoFactorDemo.Web.Authentication;

/// <summary>
/// Turns a failed second-factor requirement into a redirect to the challenge, the set-up page or a step-up,
/// instead of the generic "access denied". Everything else goes to the default handler.
/// </summary>
public sealed class SecondFactorAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var reasons = authorizeResult.AuthorizationFailure?.FailureReasons.Select(r => r.Message).ToHashSet() ?? [];
        if (context.User.Identity?.IsAuthenticated != true || reasons.Count == 0)
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }
        var returnUrl = ReturnUrlFor(context.Request);
        string? target = null;
        if (reasons.Contains(SecondFactorFailure.Enrol))
        {
            target = "/Security" + QueryString.Create("ReturnUrl", returnUrl);
        }
        else if (reasons.Contains(SecondFactorFailure.Challenge))
        {
            target = "/TwoFactor" + QueryString.Create("ReturnUrl", returnUrl);
        }
        else if (reasons.Contains(SecondFactorFailure.StepUp))
        {
            target = "/TwoFactor" + QueryString.Create("ReturnUrl", returnUrl).Add("StepUp", "true");
        }
        else if (reasons.Contains(SecondFactorFailure.PhishingResistantStepUp))
        {
            target = "/TwoFactor" + QueryString.Create("ReturnUrl", returnUrl).Add("StepUp", "true").Add("PhishingResistant", "true");
        }
        else if (reasons.Contains(SecondFactorFailure.EnrolPhishingResistant))
        {
            target = "/Security" + QueryString.Create("ReturnUrl", returnUrl).Add("PhishingResistant", "true");
        }
        if (target is null)
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }
        context.Response.Redirect(context.Request.PathBase + target);
        return Task.CompletedTask;
    }

    // A POST cannot be replayed by a redirect: afterwards the user lands on the GET of the same address,
    // which shows the form (or the confirmation step) again.
    private static string ReturnUrlFor(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            ? UriHelper.BuildRelative(path: request.Path, query: request.QueryString)
            : UriHelper.BuildRelative(path: request.Path);
}
