using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TwoFactorDemo.Web.Data.Configurations;

public class TypingProfileConfiguration : IEntityTypeConfiguration<TypingProfile>
{
    public void Configure(EntityTypeBuilder<TypingProfile> builder)
    {
        builder.HasKey(p => p.UserId);
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<TypingProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
