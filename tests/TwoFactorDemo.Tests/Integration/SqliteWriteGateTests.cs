using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Hosting;

namespace TwoFactorDemo.Tests.Integration;

/// <summary>
/// The write gate on a real SQLite file, through the app's own registration: writers queue instead of polling,
/// and the gate is free again after every way a write can end.
/// </summary>
public sealed class SqliteWriteGateTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"tfd-gate-{Guid.NewGuid():N}.db");
    private WebApplication _app = null!;

    private SqliteWriteGate Gate => _app.Services.GetRequiredService<SqliteWriteGate>();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={_file}" });
        builder.AddAppDatabase();
        _app = builder.Build();
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        // Sessions belong to users: two for the writers to use.
        db.Users.AddRange(new ApplicationUser { Id = "u", UserName = "u" }, new ApplicationUser { Id = "v", UserName = "v" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Every_connection_the_app_opens_waits_in_SQLites_busy_handler_as_a_fallback()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout";
        Assert.Equal(10_000L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Two_hundred_parallel_writers_all_succeed_and_leave_the_gate_free()
    {
        var writers = Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.UserSessions.Add(new UserSession { Key = $"key-{i}", UserId = "u", CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddHours(1) });
            await db.SaveChangesAsync();
            await db.UserSessions.Where(s => s.Key == $"key-{i}").ExecuteUpdateAsync(s => s.SetProperty(x => x.UserId, "v"));
            if (i % 2 == 0)
            {
                await db.UserSessions.Where(s => s.Key == $"key-{i}").ExecuteDeleteAsync();
            }
        }));
        await Task.WhenAll(writers);

        Assert.True(Gate.IsFree);
        await using var check = _app.Services.CreateAsyncScope();
        var sessions = await check.ServiceProvider.GetRequiredService<AppDbContext>().UserSessions.ToListAsync();
        Assert.Equal(100, sessions.Count);
        Assert.All(sessions, s => Assert.Equal("v", s.UserId));
    }

    [Fact]
    public async Task A_failed_save_frees_the_gate()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.UserSessions.Add(new UserSession { Key = "same", UserId = "u", CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow });
        await db.SaveChangesAsync();

        await using var other = _app.Services.CreateAsyncScope();
        var second = other.ServiceProvider.GetRequiredService<AppDbContext>();
        second.UserSessions.Add(new UserSession { Key = "same", UserId = "u", CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow });
        await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());
        Assert.True(Gate.IsFree);

        await Assert.ThrowsAsync<SqliteException>(() => second.Database.ExecuteSqlRawAsync("UPDATE NoSuchTable SET x = 1"));
        Assert.True(Gate.IsFree);
    }

    [Fact]
    public async Task A_transaction_holds_the_gate_until_it_ends_even_when_disposed_without_commit()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                db.UserSessions.Add(new UserSession { Key = "in-tx", UserId = "u", CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow });
                await db.SaveChangesAsync();
                Assert.False(Gate.IsFree);
            }
            Assert.True(Gate.IsFree);
        }

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.UserSessions.AnyAsync(s => s.Key == "in-tx"));
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.UserSessions.Where(s => s.Key == "none").ExecuteDeleteAsync();
            await transaction.CommitAsync();
            Assert.True(Gate.IsFree);
        }
    }
}
