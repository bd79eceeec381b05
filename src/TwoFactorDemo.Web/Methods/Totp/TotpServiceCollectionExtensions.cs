namespace TwoFactorDemo.Web.Methods.Totp;

public static class TotpServiceCollectionExtensions
{
    /// <summary>Authenticator-app codes: the method, its token provider, the secret's protector and the set-up.</summary>
    public static IHostApplicationBuilder AddTotp(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TotpOptions>().BindConfiguration(TotpOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Issuer) && o.Issuer.Length <= 64 && !o.Issuer.Contains(':'),
                "TwoFactor:Totp:Issuer must be 1 to 64 characters without ':'.")
            .ValidateOnStart();
        services.AddSingleton<TotpSecretProtector>();
        services.AddScoped<TotpEnrollment>();
        services.AddSecondFactorMethod<TotpMethod, TotpTokenProvider>(TotpMethod.MethodName);
        return builder;
    }
}
