using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TwoFactorDemo.Web.Outbox;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.MessageId).HasMaxLength(128);
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.Property(m => m.Kind).HasMaxLength(64);
        builder.Property(m => m.To).HasMaxLength(256);
        builder.Property(m => m.Subject).HasMaxLength(256);
        builder.Property(m => m.ClaimedBy).HasMaxLength(64);
        builder.Property(m => m.LastError).HasMaxLength(512);
        // The sender's query: due pending messages in order; the waiting page's: a user's latest of a kind.
        builder.HasIndex(m => new { m.State, m.DueAt });
        builder.HasIndex(m => new { m.UserId, m.Kind, m.CreatedAt });
    }
}
