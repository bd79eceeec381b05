using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Hosting;

public static class DatabaseServiceCollectionExtensions
{
    public const string DefaultConnectionString = "Data Source=App_Data/twofactordemo.db";

    /// <summary>
    /// Writers queue in the app (<see cref="SqliteWriteGate"/>), and SQLite's own busy handler is the fallback
    /// (<see cref="SqliteBusyTimeout"/>); a sign-in's writes take well under a millisecond each.
    /// </summary>
    public static IInterceptor[] Interceptors(IServiceProvider services) =>
        [services.GetRequiredService<SqliteBusyTimeout>(), services.GetRequiredService<SqliteWriteGate>()];

    /// <summary>
    /// Registers <see cref="AppDbContext"/> on SQLite from <c>ConnectionStrings:Default</c>; a relative file path
    /// is taken from the content root, so the app finds its database whatever the working directory; concurrent
    /// writers queue in order (<see cref="Interceptors"/>).
    /// </summary>
    public static IHostApplicationBuilder AddAppDatabase(this IHostApplicationBuilder builder)
    {
        var connection = new SqliteConnectionStringBuilder(builder.Configuration.GetConnectionString("Default") ?? DefaultConnectionString);
        if (IsRelativeFile(connection.DataSource))
        {
            connection.DataSource = Path.Combine(builder.Environment.ContentRootPath, connection.DataSource);
        }
        builder.Services.AddSingleton(new SqliteBusyTimeout(TimeSpan.FromSeconds(10)));
        builder.Services.AddSingleton(new SqliteWriteGate(TimeSpan.FromSeconds(5)));
        builder.Services.AddDbContext<AppDbContext>((services, options) => options.UseSqlite(connection.ToString()).AddInterceptors(Interceptors(services)));
        return builder;
    }

    private static bool IsRelativeFile(string dataSource) =>
        dataSource.Length > 0 && dataSource != ":memory:" && !dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
        && !Path.IsPathRooted(dataSource);
}
