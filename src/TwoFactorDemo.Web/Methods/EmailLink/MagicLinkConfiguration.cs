using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Methods.EmailLink;

public class MagicLinkConfiguration : IEntityTypeConfiguration<MagicLink>
{
    public void Configure(EntityTypeBuilder<MagicLink> builder)
    {
        builder.ToTable("MagicLinks"); // the name it had when the table was a DbSet on AppDbContext
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.Property(l => l.ReturnUrl).HasMaxLength(2048);
        builder.Property(l => l.RequestedBy).HasMaxLength(64);
        builder.Property(l => l.RequestedFrom).HasMaxLength(64);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        // A link dies with the sign-in attempt that asked for it.
        builder.HasOne<UserSession>().WithMany().HasForeignKey(l => l.SessionKey).OnDelete(DeleteBehavior.Cascade);
    }
}
