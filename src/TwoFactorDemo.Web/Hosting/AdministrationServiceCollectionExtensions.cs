using TwoFactorDemo.Web.Administration;

namespace TwoFactorDemo.Web.Hosting;

public static class AdministrationServiceCollectionExtensions
{
    /// <summary>The admin area's services: the user list, the admin actions, the audit log reader, the dashboard.</summary>
    public static IHostApplicationBuilder AddAdministration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<UserDirectory>();
        builder.Services.AddScoped<UserAdministration>();
        builder.Services.AddScoped<AuditQuery>();
        builder.Services.AddScoped<AdminDashboard>();
        return builder;
    }
}
