using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace TwoFactorDemo.Web.Data.Configurations;

public class RememberedBrowserConfiguration : IEntityTypeConfiguration<RememberedBrowser>
{
    public void Configure(EntityTypeBuilder<RememberedBrowser> builder)
    {
        builder.Property(b => b.TokenHash).HasMaxLength(64);
        builder.Property(b => b.UserAgent).HasMaxLength(256);
        builder.HasIndex(b => b.TokenHash).IsUnique();
        builder.HasIndex(b => b.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
