using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace TwoFactorDemo.Web.Data;

/// <summary>
/// Identity's tables plus this app's own. A method's own tables are configured in its folder (found by
/// <c>ApplyConfigurationsFromAssembly</c>) and reached with <c>Set&lt;T&gt;()</c>, so nothing here names a method. Add a migration with
/// <c>dotnet ef migrations add Name --project src/TwoFactorDemo.Web --output-dir Data/Migrations</c>.
/// </summary>
public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<SessionChallenge> SessionChallenges => Set<SessionChallenge>();
    public DbSet<MessageSend> MessageSends => Set<MessageSend>();
    public DbSet<RememberedBrowser> RememberedBrowsers => Set<RememberedBrowser>();
    public DbSet<PasswordReset> PasswordResets => Set<PasswordReset>();

    /// <summary>
    /// Identity's schema version 3 (with the passkey table) always: the model must not depend on whether the host that
    /// builds this context also registered Identity's options (a test host with only the database would otherwise
    /// build a model without passkeys, and the same process then sees "pending model changes").
    /// </summary>
    protected override Version SchemaVersion => IdentitySchemaVersions.Version3;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
