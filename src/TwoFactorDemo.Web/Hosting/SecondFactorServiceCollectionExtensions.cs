using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Methods;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Hosting;

public static class SecondFactorServiceCollectionExtensions
{
    /// <summary>
    /// The second-factor policy (default and fallback for every endpoint), the step-up policy, the redirects
    /// that send a session to the challenge, and the challenge and method-change services every method uses.
    /// </summary>
    public static IHostApplicationBuilder AddSecondFactor(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TwoFactorOptions>().BindConfiguration(TwoFactorOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var verified = new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .AddRequirements(new SecondFactorRequirement(allowUsersWithoutMethod: false)).Build();
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthorizationPolicies.SecondFactorVerified, verified)
            .AddPolicy(AuthorizationPolicies.SecuritySetup, p => p.RequireAuthenticatedUser()
                .AddRequirements(new SecondFactorRequirement(allowUsersWithoutMethod: true)))
            .AddPolicy(AuthorizationPolicies.RecentSecondFactor, p => p.RequireAuthenticatedUser()
                .AddRequirements(new RecentSecondFactorRequirement(TwoFactorOptions.StepUpWindow)))
            .AddPolicy(AuthorizationPolicies.RecentSecondFactorIfEnrolled, p => p.RequireAuthenticatedUser()
                .AddRequirements(new SecondFactorRequirement(allowUsersWithoutMethod: true),
                    new RecentSecondFactorRequirement(TwoFactorOptions.StepUpWindow, allowUsersWithoutMethod: true)))
            .AddPolicy(AuthorizationPolicies.AdminOnly, p => p.RequireAuthenticatedUser()
                .AddRequirements(new SecondFactorRequirement(allowUsersWithoutMethod: false, alwaysRequired: true, inThisSession: true))
                .RequireRole(DatabaseInitializer.AdminRole))
            .AddPolicy(AuthorizationPolicies.AdminStepUp, p => p.RequireAuthenticatedUser()
                .AddRequirements(new SecondFactorRequirement(allowUsersWithoutMethod: false, alwaysRequired: true, inThisSession: true),
                    new RecentSecondFactorRequirement(TwoFactorOptions.StepUpWindow))
                .RequireRole(DatabaseInitializer.AdminRole))
            .AddPolicy(AuthorizationPolicies.PasswordSignedIn, p => p.RequireAuthenticatedUser())
            .SetDefaultPolicy(verified)
            .SetFallbackPolicy(verified);
        services.AddScoped<IAuthorizationHandler, SecondFactorRequirementHandler>();
        services.AddScoped<IAuthorizationHandler, RecentSecondFactorRequirementHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, SecondFactorAuthorizationResultHandler>();

        services.AddScoped<EnrolledMethods>();
        services.AddScoped<SecondFactorChallenge>();
        services.AddScoped<SecondFactorSettings>();

        return builder;
    }
}
