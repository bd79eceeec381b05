using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Methods.Sms;

public class LocalSmsCodeConfiguration : IEntityTypeConfiguration<LocalSmsCode>
{
    public void Configure(EntityTypeBuilder<LocalSmsCode> builder)
    {
        builder.ToTable("LocalSmsCodes"); // the name it had when the table was a DbSet on AppDbContext
        builder.Property(c => c.PhoneNumber).HasMaxLength(32);
        builder.Property(c => c.CodeHash).HasMaxLength(64);
        builder.HasIndex(c => c.PhoneNumber);
    }
}
