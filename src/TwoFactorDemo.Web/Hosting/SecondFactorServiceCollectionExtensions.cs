using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.TwoFactor;
using TwoFactorDemo.Web.TwoFactor.RecoveryCodes;
using TwoFactorDemo.Web.TwoFactor.Totp;
using TwoFactorDemo.Web.TwoFactor.Typing;

namespace TwoFactorDemo.Web.Hosting;

public static class SecondFactorServiceCollectionExtensions
{
    /// <summary>
    /// The second-factor policy (default and fallback for every endpoint), the step-up policy, the redirects
    /// that send a session to the challenge, and the TOTP and recovery-code methods.
    /// </summary>
    public static IHostApplicationBuilder AddSecondFactor(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TwoFactorOptions>().BindConfiguration(TwoFactorOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrWhiteSpace(o.Totp.Issuer) && o.Totp.Issuer.Length <= 64 && !o.Totp.Issuer.Contains(':'),
                "TwoFactor:Totp:Issuer must be 1 to 64 characters without ':'.")
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

        services.AddSingleton<TotpSecretProtector>();
        services.AddScoped<TotpEnrollment>();
        services.AddSecondFactorMethod<TotpMethod, TotpTokenProvider>(SecondFactorMethodNames.Totp);

        services.AddScoped<TypingProfiles>();
        services.AddSecondFactorMethod<TypingMethod, TypingTokenProvider>(SecondFactorMethodNames.Typing);

        services.AddScoped<RecoveryCodeService>();
        services.AddSecondFactorMethod<RecoveryCodeMethod, RecoveryCodeTokenProvider>(SecondFactorMethodNames.Recovery);
        return builder;
    }

    /// <summary>Registers a method and its Identity token provider under <paramref name="name"/>.</summary>
    public static IServiceCollection AddSecondFactorMethod<TMethod, TProvider>(this IServiceCollection services, string name)
        where TMethod : class, ISecondFactorMethod
        where TProvider : class, IUserTwoFactorTokenProvider<ApplicationUser>
    {
        services.AddScoped<ISecondFactorMethod, TMethod>();
        services.AddScoped<TProvider>();
        services.Configure<IdentityOptions>(o => o.Tokens.ProviderMap[name] = new TokenProviderDescriptor(typeof(TProvider)));
        return services;
    }
}
