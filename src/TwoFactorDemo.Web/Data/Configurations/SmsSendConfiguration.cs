using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TwoFactorDemo.Web.Data.Configurations;

public class SmsSendConfiguration : IEntityTypeConfiguration<SmsSend>
{
    public void Configure(EntityTypeBuilder<SmsSend> builder)
    {
        builder.Property(s => s.PhoneNumber).HasMaxLength(32);
        builder.Property(s => s.IpAddress).HasMaxLength(64);
        builder.HasIndex(s => new { s.PhoneNumber, s.SentAt });
        builder.HasIndex(s => new { s.UserId, s.SentAt });
        builder.HasIndex(s => new { s.IpAddress, s.SentAt });
    }
}
