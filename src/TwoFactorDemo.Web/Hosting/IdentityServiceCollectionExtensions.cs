using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Account;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Sessions;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Hosting;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Identity on EF Core with lockout (5 failures, 5 minutes), NIST-style passwords (length, no composition
    /// rules), a server-side session behind every cookie (<see cref="ServerSideSessions"/>), and the security-stamp check that
    /// keeps the second-factor claims.
    /// </summary>
    public static IHostApplicationBuilder AddAppIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<Localization.LocalizedIdentityErrors>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Apply(builder, "tfd.session");
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            var checkSecurityStamp = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                await Sessions(context.HttpContext).ValidateAsync(context);
                if (context.Principal is not null)
                {
                    await checkSecurityStamp(context);
                }
            };
            // A signed-in user without the right gets the friendly 403 page, not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.Events.OnSigningIn = context => Sessions(context.HttpContext).OnSigningInAsync(context);
            options.Events.OnSigningOut = context => Sessions(context.HttpContext).OnSigningOutAsync(context);
        });
        services.AddScoped<ServerSideSessions>();
        services.AddSingleton<SessionValidityCache>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme)
            .Configure<IOptions<TwoFactorOptions>>((options, twoFactor) =>
            {
                options.Cookie.Apply(builder, "tfd.remember");
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.ExpireTimeSpan = TimeSpan.FromDays(twoFactor.Value.RememberBrowserDays);
            });
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.OnRefreshingPrincipal = SecondFactorPrincipalExtensions.CopySecondFactorClaims;
        });

        services.AddScoped<SecondFactorSignIn>();
        services.AddScoped<PasswordLogin>();
        services.AddScoped<SignInAttempts>();
        services.AddScoped<RememberedBrowsers>();
        services.AddScoped<AccountRegistration>();
        services.AddScoped<SessionSignOut>();
        services.AddScoped<UserSessionRevoker>();
        services.AddScoped<SecurityEventLog>();
        services.AddHostedService<ExpiredSessionCleanup>();
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    private static ServerSideSessions Sessions(HttpContext context) => context.RequestServices.GetRequiredService<ServerSideSessions>();
}
