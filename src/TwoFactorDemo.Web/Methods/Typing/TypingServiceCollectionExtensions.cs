namespace TwoFactorDemo.Web.Methods.Typing;

public static class TypingServiceCollectionExtensions
{
    /// <summary>Typing rhythm: the method, its token provider and the profiles.</summary>
    public static IHostApplicationBuilder AddTyping(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TypingOptions>().BindConfiguration(TypingOptions.Section);
        services.AddScoped<TypingProfiles>();
        services.AddSecondFactorMethod<TypingMethod, TypingTokenProvider>(TypingMethod.MethodName);
        services.AddScoped<ISignInLinkFallback>(provider => provider.GetRequiredService<TypingMethod>());
        return builder;
    }
}
