using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddTwoFactorDemo();

var app = builder.Build();

await app.InitializeDatabaseAsync();
app.UseAppPipeline();

app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
