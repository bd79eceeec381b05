using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace TwoFactorDemo.Web.Data.Configurations;

public class SessionChallengeConfiguration : IEntityTypeConfiguration<SessionChallenge>
{
    public void Configure(EntityTypeBuilder<SessionChallenge> builder)
    {
        builder.Property(c => c.Purpose).HasMaxLength(32);
        builder.Property(c => c.Target).HasMaxLength(256);
        builder.HasIndex(c => new { c.SessionKey, c.Purpose }).IsUnique();
        // When the session ends, whatever it asked for is void.
        builder.HasOne<UserSession>().WithMany().HasForeignKey(c => c.SessionKey).OnDelete(DeleteBehavior.Cascade);
    }
}
