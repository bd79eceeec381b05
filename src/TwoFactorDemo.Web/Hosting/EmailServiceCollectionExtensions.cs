using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Email;
using TwoFactorDemo.Web.Outbox;
using TwoFactorDemo.Web.Sending;

namespace TwoFactorDemo.Web.Hosting;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Mail: <c>Email:Provider</c> picks <see cref="DevMailbox"/> (default, /dev/mailbox) or <see cref="SmtpEmailSender"/>
    /// (MailKit); email confirmation and password reset.
    /// </summary>
    public static IHostApplicationBuilder AddEmail(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != EmailProviderKind.Smtp || !string.IsNullOrWhiteSpace(o.Smtp.Host),
                "Email:Smtp:Host must be set when Email:Provider is Smtp.")
            .Validate(o => o.Smtp.Port is > 0 and < 65536, "Email:Smtp:Port must be a TCP port.")
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.Smtp.From, out _), "Email:Smtp:From must be an address like Name <no-reply@example.com>.")
            .ValidateOnStart();

        services.AddSingleton<MimeMessageFactory>();
        services.AddSingleton<DevMailbox>();
        services.AddScoped<SmtpEmailSender>();
        services.AddScoped<IAppEmailSender>(provider =>
            provider.GetRequiredService<IOptions<EmailOptions>>().Value.Provider == EmailProviderKind.Smtp
                ? provider.GetRequiredService<SmtpEmailSender>()
                : provider.GetRequiredService<DevMailbox>());
        services.AddScoped<EmailLinks>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<MailOutbox>();
        services.AddScoped<IOutboxSender, MailSender>();
        services.AddScoped<IMailComposer, PasswordResetComposer>();
        services.AddScoped<PasswordResetTokenProvider>();
        services.Configure<IdentityOptions>(o =>
        {
            o.Tokens.ProviderMap[PasswordResetTokenProvider.Name] = new TokenProviderDescriptor(typeof(PasswordResetTokenProvider));
            o.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.Name;
        });

        services.TryAddScoped<SendLimiter>();
        return builder;
    }
}
