using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Account;
using TwoFactorDemo.Web.Methods;
using TwoFactorDemo.Web.Sending;
using TwoFactorDemo.Web.Startup;

namespace TwoFactorDemo.Web.Methods.Sms;

public static class SmsServiceCollectionExtensions
{
    /// <summary>
    /// SMS as a second factor: <c>Sms:Provider</c> picks <see cref="LocalSmsVerifier"/> (default, dev outbox) or
    /// <see cref="TwilioVerifySmsVerifier"/> (a typed HttpClient for Verify v2), plus phone set-up and the send limits.
    /// </summary>
    public static IHostApplicationBuilder AddSms(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != SmsProviderKind.Twilio || !string.IsNullOrWhiteSpace(o.Twilio.AccountSid),
                "Sms:Twilio:AccountSid must be set when Sms:Provider is Twilio.")
            .Validate(o => o.Provider != SmsProviderKind.Twilio || !string.IsNullOrWhiteSpace(o.Twilio.AuthToken),
                "Sms:Twilio:AuthToken must be set when Sms:Provider is Twilio.")
            .Validate(o => o.Provider != SmsProviderKind.Twilio || !string.IsNullOrWhiteSpace(o.Twilio.VerifyServiceSid),
                "Sms:Twilio:VerifyServiceSid must be set when Sms:Provider is Twilio.")
            .Validate(o => Uri.TryCreate(o.Twilio.BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http",
                "Sms:Twilio:BaseUrl must be an absolute http(s) URL.")
            .Validate(o => o.Twilio.TimeoutSeconds is >= 1 and <= 60, "Sms:Twilio:TimeoutSeconds must be between 1 and 60.")
            .ValidateOnStart();

        if (StartupProblems.RealProvidersRequired(builder)
            && builder.Configuration.GetSection(SmsOptions.Section).Get<SmsOptions>()?.Provider != SmsProviderKind.Twilio)
        {
            StartupProblems.Report(builder, "Sms:Provider is the local outbox, which texts nobody: set Sms:Provider=Twilio and Sms:Twilio:* (or Hosting:AllowDevProviders=true for a demo site).");
        }

        services.AddSingleton<DevOutbox>();
        services.AddSingleton<SmsCodeHasher>();
        services.AddScoped<LocalSmsVerifier>();
        services.AddHttpClient<TwilioVerifySmsVerifier>((provider, http) =>
        {
            var twilio = provider.GetRequiredService<IOptions<SmsOptions>>().Value.Twilio;
            http.BaseAddress = new Uri(twilio.BaseUrl.TrimEnd('/') + "/");
            http.Timeout = Timeout.InfiniteTimeSpan; // the verifier's own per-request timeout applies
        });
        services.AddScoped<ISmsVerifier>(provider =>
            provider.GetRequiredService<IOptions<SmsOptions>>().Value.Provider == SmsProviderKind.Twilio
                ? provider.GetRequiredService<TwilioVerifySmsVerifier>()
                : provider.GetRequiredService<LocalSmsVerifier>());

        services.AddSingleton<PhoneNumberParser>();
        services.TryAddScoped<SendLimiter>();
        services.AddScoped<SmsVerification>();
        services.AddScoped<PhoneSetup>();
        services.AddScoped<IPhoneNumberCheck>(provider => provider.GetRequiredService<PhoneSetup>());
        services.AddSecondFactorMethod<SmsMethod, SmsTokenProvider>(SmsMethod.MethodName);
        return builder;
    }
}
