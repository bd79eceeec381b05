using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Hosting;

public static class DatabaseServiceCollectionExtensions
{
    private const string DefaultConnectionString = "Data Source=App_Data/twofactordemo.db";

    /// <summary>How long a write waits for another to finish before it fails; a sign-in's writes take well under a millisecond.</summary>
    public static readonly SqliteBusyTimeout BusyTimeout = new(TimeSpan.FromSeconds(10));

    /// <summary>
    /// Registers <see cref="AppDbContext"/> on SQLite from <c>ConnectionStrings:Default</c>; a relative file path
    /// is taken from the content root, so the app finds its database whatever the working directory; concurrent
    /// writers wait in SQLite's own busy handler (<see cref="SqliteBusyTimeout"/>).
    /// </summary>
    public static IHostApplicationBuilder AddAppDatabase(this IHostApplicationBuilder builder)
    {
        var connection = new SqliteConnectionStringBuilder(builder.Configuration.GetConnectionString("Default") ?? DefaultConnectionString);
        if (IsRelativeFile(connection.DataSource))
        {
            connection.DataSource = Path.Combine(builder.Environment.ContentRootPath, connection.DataSource);
        }
        builder.Services.AddDbContext<AppDbContext>(options => options.UseSqlite(connection.ToString()).AddInterceptors(BusyTimeout));
        return builder;
    }

    private static bool IsRelativeFile(string dataSource) =>
        dataSource.Length > 0 && dataSource != ":memory:" && !dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
        && !Path.IsPathRooted(dataSource);
}
