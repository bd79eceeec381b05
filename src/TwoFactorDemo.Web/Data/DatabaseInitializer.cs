using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace TwoFactorDemo.Web.Data;

/// <summary>Applies migrations at start-up (creating the SQLite file and folder if missing) and seeds the Development admin.</summary>
public static class DatabaseInitializer
{
    public const string AdminRole = "Admin";

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        if (db.Database.GetDbConnection() is SqliteConnection { DataSource: var file } && Path.IsPathRooted(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }
        await db.Database.MigrateAsync();
        // WAL lets readers and the writer work at once; for an in-memory database SQLite ignores it.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        if (app.Environment.IsDevelopment())
        {
            await SeedAdminAsync(services, services.GetRequiredService<IOptions<SeedOptions>>().Value);
        }
    }

    private static async Task SeedAdminAsync(IServiceProvider services, SeedOptions seed)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(AdminRole))
        {
            await roles.CreateAsync(new IdentityRole(AdminRole));
        }
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(seed.AdminEmail) is not null)
        {
            return;
        }
        var password = seed.AdminPassword ?? RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
        var admin = new ApplicationUser
        {
            UserName = seed.AdminEmail,
            Email = seed.AdminEmail,
            EmailConfirmed = true,
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Seed:AdminPassword was refused: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(admin, AdminRole);
        if (seed.AdminPassword is null)
        {
            // Printed once, when the account is created; set Seed:AdminPassword to choose it instead.
            Console.WriteLine($"Seeded admin {seed.AdminEmail} with the generated password: {password}");
        }
    }
}
