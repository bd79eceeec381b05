using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Hosting;
using TwoFactorDemo.Web.Methods.EmailLink;
using TwoFactorDemo.Web.Methods.RecoveryCodes;
using TwoFactorDemo.Web.Methods.Sms;
using TwoFactorDemo.Web.Methods.Totp;
using TwoFactorDemo.Web.Methods.Typing;

var builder = WebApplication.CreateBuilder(args);

builder.AddTwoFactorDemo();

var app = builder.Build();

await app.InitializeDatabaseAsync();
app.UseAppPipeline();

app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
