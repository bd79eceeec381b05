using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TwoFactorDemo.Web.Data.Configurations;

public class LocalSmsCodeConfiguration : IEntityTypeConfiguration<LocalSmsCode>
{
    public void Configure(EntityTypeBuilder<LocalSmsCode> builder)
    {
        builder.Property(c => c.PhoneNumber).HasMaxLength(32);
        builder.Property(c => c.CodeHash).HasMaxLength(64);
        builder.HasIndex(c => c.PhoneNumber);
    }
}
