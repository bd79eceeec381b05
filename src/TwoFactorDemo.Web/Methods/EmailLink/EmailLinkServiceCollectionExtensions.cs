using Microsoft.Extensions.DependencyInjection.Extensions;
using TwoFactorDemo.Web.Sending;

namespace TwoFactorDemo.Web.Methods.EmailLink;

public static class EmailLinkServiceCollectionExtensions
{
    /// <summary>Email sign-in links: the method, its token provider, sending and the settings page's service.</summary>
    public static IHostApplicationBuilder AddEmailLinks(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddScoped<SendLimiter>();
        services.AddScoped<MagicLinkService>();
        services.AddScoped<EmailLinkAvailability>();
        services.AddScoped<EmailLinkSettings>();
        services.AddSecondFactorMethod<EmailLinkMethod, MagicLinkTokenProvider>(EmailLinkMethod.MethodName);
        services.AddScoped<ISignInLinkSender>(provider => provider.GetRequiredService<EmailLinkMethod>());
        return builder;
    }
}
