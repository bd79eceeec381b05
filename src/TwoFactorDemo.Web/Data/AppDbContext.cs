using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace TwoFactorDemo.Web.Data;

/// <summary>
/// Identity's tables plus this app's own. Add a migration with
/// <c>dotnet ef migrations add Name --project src/TwoFactorDemo.Web --output-dir Data/Migrations</c>.
/// </summary>
public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<SessionChallenge> SessionChallenges => Set<SessionChallenge>();
    public DbSet<MessageSend> MessageSends => Set<MessageSend>();
    public DbSet<MagicLink> MagicLinks => Set<MagicLink>();
    public DbSet<TypingProfile> TypingProfiles => Set<TypingProfile>();
    public DbSet<LocalSmsCode> LocalSmsCodes => Set<LocalSmsCode>();
    public DbSet<RememberedBrowser> RememberedBrowsers => Set<RememberedBrowser>();
    public DbSet<PasswordReset> PasswordResets => Set<PasswordReset>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
