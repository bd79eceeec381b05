namespace TwoFactorDemo.Web.Hosting;

public static class AppServiceCollectionExtensions
{
    /// <summary>
    /// Every capability of the app, in one call: Program.cs uses it, and so does the load benchmark to seed
    /// users through the same services the running app has.
    /// </summary>
    public static IHostApplicationBuilder AddTwoFactorDemo(this IHostApplicationBuilder builder) =>
        builder.AddAppDatabase()
            .AddAppIdentity()
            .AddSecondFactor()
            .AddSms()
            .AddEmail()
            .AddAdministration()
            .AddAppWeb();
}
