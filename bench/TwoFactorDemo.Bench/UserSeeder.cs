using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Hosting;
using TwoFactorDemo.Web.Methods.Totp;

namespace TwoFactorDemo.Bench;

/// <summary>
/// Creates the database and adds users with TOTP enabled through the app's own service registration (the same
/// password hasher, the same Data Protection keys as the running app), without the app's HTTP front door: one
/// password hash is computed once and shared, so seeding 100,000 users takes seconds, not hours of PBKDF2.
/// </summary>
public sealed class UserSeeder : IAsyncDisposable
{
    public const string Password = "bench-password-correct-horse";
    private const int Batch = 5_000;

    private readonly WebApplication _services;
    private readonly string _passwordHash;
    private int _count;

    private UserSeeder(WebApplication services, string passwordHash)
    {
        _services = services;
        _passwordHash = passwordHash;
    }

    /// <summary>
    /// The settings the app process must get to use the same database file and keys, and to start in Production: the
    /// keys beside the data folder (not in it), encrypted with a self-signed certificate made for the run; plain HTTP on
    /// loopback (<c>Hosting:RequireHttps=false</c>) and the dev providers (no mail or SMS is sent), both explicit.
    /// </summary>
    public static Dictionary<string, string> AppSettings(string dataDirectory)
    {
        var keys = dataDirectory.TrimEnd(Path.DirectorySeparatorChar) + "-keys";
        return new()
        {
            ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(dataDirectory, "app.db")}",
            ["DataProtection:KeysPath"] = keys,
            ["DataProtection:CertificatePath"] = KeyCertificate(keys),
            ["DataProtection:CertificatePassword"] = CertificatePassword,
            ["Email:LinkBaseUrl"] = "http://127.0.0.1",
            ["AllowedHosts"] = "127.0.0.1;localhost",
            ["Passkeys:ServerDomain"] = "localhost",
            ["Passkeys:AllowedOrigins:0"] = "http://localhost",
            ["Hosting:RequireHttps"] = "false",
            ["Hosting:AllowDevProviders"] = "true",
        };
    }

    private const string CertificatePassword = "bench-only";

    private static string KeyCertificate(string keys)
    {
        var path = Path.Combine(keys, "bench.pfx");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(keys);
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=TwoFactorDemo bench", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        }
        return path;
    }

    public static async Task<UserSeeder> CreateAsync(string dataDirectory)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = dataDirectory,
        });
        builder.Configuration.AddInMemoryCollection(AppSettings(dataDirectory)!);
        builder.Logging.ClearProviders();
        builder.AddTwoFactorDemo();
        var app = builder.Build();
        await app.InitializeDatabaseAsync();
        var hash = app.Services.GetRequiredService<IPasswordHasher<ApplicationUser>>().HashPassword(new ApplicationUser(), Password);
        return new UserSeeder(app, hash);
    }

    public int Count => _count;

    /// <summary>Times the app's password hasher on the seeded hash.</summary>
    public KdfProbe MeasureKdf(int samples) =>
        KdfProbe.Measure(_services.Services.GetRequiredService<IPasswordHasher<ApplicationUser>>(), _passwordHash, Password, samples);

    /// <summary>Adds users until there are <paramref name="total"/>; returns the new ones.</summary>
    public async Task<IReadOnlyList<BenchUser>> GrowToAsync(int total)
    {
        var protector = _services.Services.GetRequiredService<TotpSecretProtector>();
        var added = new List<BenchUser>(Math.Max(0, total - _count));
        var now = DateTime.UtcNow;
        while (_count < total)
        {
            var size = Math.Min(Batch, total - _count);
            await using var scope = _services.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = _count; i < _count + size; i++)
            {
                var email = $"user{i:D6}@bench.example";
                var key = RandomNumberGenerator.GetBytes(20);
                var user = NewUser(email, now);
                user.TotpSecret = protector.Protect(key);
                user.TotpEnabledAt = now;
                db.Users.Add(user);
                added.Add(new BenchUser(email, key));
            }
            await db.SaveChangesAsync();
            _count += size;
        }
        return added;
    }

    /// <summary>
    /// Adds <paramref name="count"/> users who sign in with a passkey (no TOTP): each gets a key pair in
    /// <paramref name="authenticator"/> and its public key in Identity's passkey table, as a registration would store it.
    /// </summary>
    public async Task<IReadOnlyList<PasskeyUser>> AddPasskeyUsersAsync(int count, SoftwareAuthenticator authenticator)
    {
        var added = new List<PasskeyUser>(count);
        var now = DateTime.UtcNow;
        for (var start = 0; start < count; start += Batch)
        {
            await using var scope = _services.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + Batch); i++)
            {
                var id = Guid.NewGuid().ToString();
                var email = $"passkey{i:D6}@bench.example";
                var user = NewUser(email, now);
                user.Id = id;
                db.Users.Add(user);
                var credential = authenticator.AddCredential(WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(id)), out var publicKey);
                db.Set<IdentityUserPasskey<string>>().Add(new IdentityUserPasskey<string>
                {
                    UserId = id,
                    CredentialId = credential.Id,
                    Data = new IdentityPasskeyData
                    {
                        PublicKey = publicKey,
                        Name = "Bench passkey",
                        CreatedAt = now,
                        SignCount = 0,
                        Transports = ["internal"],
                        IsUserVerified = true,
                        IsBackupEligible = false,
                        IsBackedUp = false,
                        AttestationObject = [],
                        ClientDataJson = [],
                    },
                });
                added.Add(new PasskeyUser(email, credential));
            }
            await db.SaveChangesAsync();
        }
        return added;
    }

    /// <summary>A confirmed account with the shared password hash, as registration would leave it.</summary>
    private ApplicationUser NewUser(string email, DateTime now) => new()
    {
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true,
        PasswordHash = _passwordHash,
        SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
        LockoutEnabled = true,
        CreatedAt = now,
    };

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
