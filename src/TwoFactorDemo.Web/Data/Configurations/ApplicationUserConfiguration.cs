using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace TwoFactorDemo.Web.Data.Configurations;

public class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.TotpSecret).HasMaxLength(1024);
        builder.Property(u => u.PendingPhoneNumber).HasMaxLength(32);
        builder.HasIndex(u => u.PhoneNumber);
        builder.HasIndex(u => u.CreatedAt);
        builder.HasIndex(u => u.LastSignInAt);
    }
}
