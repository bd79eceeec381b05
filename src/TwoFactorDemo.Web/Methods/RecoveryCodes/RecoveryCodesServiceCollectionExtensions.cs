namespace TwoFactorDemo.Web.Methods.RecoveryCodes;

public static class RecoveryCodesServiceCollectionExtensions
{
    /// <summary>Recovery codes: the backup of every other method, made when the first one is set up.</summary>
    public static IHostApplicationBuilder AddRecoveryCodes(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<RecoveryCodeService>();
        services.AddScoped<IRecoveryCodes>(provider => provider.GetRequiredService<RecoveryCodeService>());
        services.AddSecondFactorMethod<RecoveryCodeMethod, RecoveryCodeTokenProvider>(RecoveryCodeMethod.MethodName);
        return builder;
    }
}
