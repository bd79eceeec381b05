using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TwoFactorDemo.Web.Data.Configurations;

public class MagicLinkConfiguration : IEntityTypeConfiguration<MagicLink>
{
    public void Configure(EntityTypeBuilder<MagicLink> builder)
    {
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.Property(l => l.ReturnUrl).HasMaxLength(2048);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        // A link dies with the sign-in attempt that asked for it.
        builder.HasOne<UserSession>().WithMany().HasForeignKey(l => l.SessionKey).OnDelete(DeleteBehavior.Cascade);
    }
}
