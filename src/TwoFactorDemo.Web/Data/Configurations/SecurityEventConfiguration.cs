using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace TwoFactorDemo.Web.Data.Configurations;

public class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> builder)
    {
        builder.Property(e => e.Kind).HasMaxLength(64);
        builder.Property(e => e.Detail).HasMaxLength(512);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.UserAgent).HasMaxLength(256);
        builder.Property(e => e.UserEmail).HasMaxLength(256);
        builder.HasIndex(e => e.Kind);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => e.UserId);
    }
}
