using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace TwoFactorDemo.Web.Data.Configurations;

public class MessageSendConfiguration : IEntityTypeConfiguration<MessageSend>
{
    public void Configure(EntityTypeBuilder<MessageSend> builder)
    {
        builder.Property(s => s.Channel).HasMaxLength(16);
        builder.Property(s => s.Destination).HasMaxLength(256);
        builder.Property(s => s.IpAddress).HasMaxLength(64);
        builder.Property(s => s.SessionKey).HasMaxLength(64);
        builder.HasIndex(s => new { s.Channel, s.Destination, s.SentAt });
        builder.HasIndex(s => new { s.Channel, s.UserId, s.SentAt });
        builder.HasIndex(s => new { s.Channel, s.IpAddress, s.SentAt });
    }
}
