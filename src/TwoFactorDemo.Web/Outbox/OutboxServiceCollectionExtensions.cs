namespace TwoFactorDemo.Web.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>The outbox: the writer, the store, the sender in the background, and its settings (channels add their <see cref="IOutboxSender"/>).</summary>
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section)
            .Validate(o => o.MaxAttempts >= 1 && o.FirstRetrySeconds > 0 && o.MaxRetrySeconds >= o.FirstRetrySeconds && o.PollSeconds > 0
                && o.BatchSize >= 1 && o.LeaseSeconds > 0 && o.StuckMinutes > 0, "Outbox settings must be positive (MaxRetrySeconds ≥ FirstRetrySeconds).")
            .ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<OutboxWriter>();
        services.AddScoped<OutboxStore>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        return builder;
    }
}
