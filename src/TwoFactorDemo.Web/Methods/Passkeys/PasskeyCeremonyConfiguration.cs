using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Methods.Passkeys;

public class PasskeyCeremonyConfiguration : IEntityTypeConfiguration<PasskeyCeremony>
{
    public void Configure(EntityTypeBuilder<PasskeyCeremony> builder)
    {
        builder.ToTable("PasskeyCeremonies");
        builder.Property(c => c.TokenHash).HasMaxLength(64);
        builder.Property(c => c.Purpose).HasMaxLength(16);
        builder.HasIndex(c => c.TokenHash).IsUnique();
        builder.HasIndex(c => c.ExpiresAt);
        // A ceremony started in a session dies with it.
        builder.HasOne<UserSession>().WithMany().HasForeignKey(c => c.SessionKey).OnDelete(DeleteBehavior.Cascade);
    }
}
