using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.Methods.EmailLink;
using TwoFactorDemo.Web.Methods.Passkeys;
using TwoFactorDemo.Web.Methods.RecoveryCodes;
using TwoFactorDemo.Web.Methods.Sms;
using TwoFactorDemo.Web.Methods.Totp;
using TwoFactorDemo.Web.Methods.Typing;
using TwoFactorDemo.Web.Outbox;

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
            .AddEmail()
            .AddOutbox()
            // The second-factor methods, one line each; the challenge and /Security offer them in each method's Order.
            .AddPasskeys()
            .AddTotp()
            .AddSms()
            .AddEmailLinks()
            .AddTyping()
            .AddRecoveryCodes()
            .AddAdministration()
            .AddAppLocalization()
            .AddAppWeb();
}
