using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Hosting;
using TwoFactorDemo.Web.Sessions;

namespace TwoFactorDemo.Tests.Infrastructure;

/// <summary>
/// The real app on a private in-memory SQLite database (kept alive by one open connection), with a clock
/// the test moves and every log line captured. Only the clock is fake.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    // Hundreds of short-lived hosts would each take an inotify instance (the default limit is 128 per user)
    // for configuration reload; tests need neither reloading nor file watching.
    static TestApp()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly string? _databaseFile;
    private readonly bool _ownsDatabase;

    /// <param name="fileDatabase">
    /// A temporary SQLite file (in memory-backed /dev/shm where there is one) with a connection per request, as in
    /// production, instead of one shared in-memory connection: the app's background work (password-reset mail) and
    /// tests that fire requests in parallel need it. The default.
    /// </param>
    /// <param name="databaseFile">A database file to use and keep (a restart test opens it again with a second app).</param>
    public TestApp(Dictionary<string, string?>? settings = null, string environment = "Development", bool fileDatabase = true, string? databaseFile = null)
    {
        _environment = environment;
        var folder = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        _ownsDatabase = databaseFile is null;
        _databaseFile = databaseFile ?? (fileDatabase ? Path.Combine(folder, $"tfd-test-{Guid.NewGuid():N}.db") : null);
        _connection.Open();
        _settings = new Dictionary<string, string?>
        {
            ["Seed:AdminEmail"] = AdminEmail,
            ["Seed:AdminPassword"] = AdminPassword,
            ["Email:MailboxPath"] = MailboxPath,
            ["Email:LinkBaseUrl"] = "https://localhost",
            // The outbox's sender wakes when mail is written; its idle poll would put its reads among the commands
            // DatabaseWorkTests counts for a request. Tests of retries set their own poll.
            ["Outbox:PollSeconds"] = "3600",
            // The pseudo-locale (qps-ploc) a client can ask for; LocalizationTests renders every page in it.
            ["Localization:PseudoLocale"] = "true",
        };
        if (environment != "Development")
        {
            // What production requires at start-up (ProductionRequirements), with the dev providers allowed explicitly.
            _settings["Hosting:AllowDevProviders"] = "true";
            _settings["DataProtection:KeysPath"] = Path.Combine(Path.GetTempPath(), "tfd-test-keys");
            _settings["DataProtection:CertificatePath"] = TestCertificate.Path;
            _settings["DataProtection:CertificatePassword"] = TestCertificate.Password;
            _settings["Passkeys:ServerDomain"] = "localhost";
            _settings["Passkeys:AllowedOrigins:0"] = "https://localhost";
            _settings["AllowedHosts"] = "localhost";
        }
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>This app's own dev mailbox folder, deleted with it.</summary>
    public string MailboxPath { get; } = Path.Combine(Path.GetTempPath(), "tfd-mail-" + Guid.NewGuid().ToString("N"));

    public CapturedLogs Logs { get; } = new();

    /// <summary>The SQL commands the app ran.</summary>
    public QueryCounter Queries { get; } = new();

    public const string AdminEmail = "admin@example.test";
    public const string AdminPassword = "admin-password-for-tests";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IDbContextOptionsConfiguration<AppDbContext>>();
            services.RemoveAll<DbContextOptions<AppDbContext>>();
            services.AddDbContext<AppDbContext>((provider, options) =>
                (_databaseFile is null ? options.UseSqlite(_connection) : options.UseSqlite($"Data Source={_databaseFile}"))
                    .AddInterceptors([.. DatabaseServiceCollectionExtensions.Interceptors(provider), Queries]));
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            if (_ownsDatabase)
            {
                services.AddDataProtection().UseEphemeralDataProtectionProvider();
            }
            else
            {
                // A restart keeps the database and its keys (the outbox's bodies and TOTP secrets are encrypted with them).
                services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(_databaseFile + ".keys"));
            }
            services.AddTransient<IStartupFilter, RemoteIpStartupFilter>();
            // The hourly clean-up would share the test's single connection from a timer thread.
            var cleanup = services.Single(d => d.ImplementationType == typeof(ExpiredSessionCleanup));
            services.Remove(cleanup);
        });
    }

    /// <summary>A new browser: its own cookies, no automatic redirects, HTTPS so Secure cookies behave as in production.</summary>
    public Browser NewBrowser() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }));

    /// <summary>Runs <paramref name="work"/> against the app's database in its own scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>The stored account, as the database has it now.</summary>
    public Task<ApplicationUser> UserAsync(string email) =>
        WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _connection.Dispose();
            if (_databaseFile is not null)
            {
                SqliteConnection.ClearAllPools();
            }
            if (_databaseFile is not null && _ownsDatabase)
            {
                foreach (var file in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm" }.Where(File.Exists))
                {
                    File.Delete(file);
                }
            }
            if (Directory.Exists(MailboxPath))
            {
                Directory.Delete(MailboxPath, recursive: true);
            }
        }
    }
}
