namespace TwoFactorDemo.Web.Startup;

/// <summary>
/// Settings a room finds missing while it is registered (a dev-only provider outside Development, say). Each room
/// reports its own; the host refuses to start with all of them listed at once, each naming its setting.
/// </summary>
public static class StartupProblems
{
    private const string Key = "TwoFactorDemo.StartupProblems";

    public static void Report(IHostApplicationBuilder builder, string problem) => Of(builder).Add(problem);

    /// <summary>True outside Development unless <c>Hosting:AllowDevProviders</c> lets a demo site use the dev mailbox and outbox.</summary>
    public static bool RealProvidersRequired(IHostApplicationBuilder builder) =>
        !builder.Environment.IsDevelopment() && !builder.Configuration.GetValue<bool>("Hosting:AllowDevProviders");

    public static List<string> Of(IHostApplicationBuilder builder)
    {
        if (!builder.Properties.TryGetValue(Key, out var list))
        {
            builder.Properties[Key] = list = new List<string>();
        }
        return (List<string>)list;
    }
}
