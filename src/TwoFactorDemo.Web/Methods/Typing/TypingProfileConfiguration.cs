using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Methods.Typing;

public class TypingProfileConfiguration : IEntityTypeConfiguration<TypingProfile>
{
    public void Configure(EntityTypeBuilder<TypingProfile> builder)
    {
        builder.ToTable("TypingProfiles"); // the name it had when the table was a DbSet on AppDbContext
        builder.HasKey(p => p.UserId);
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<TypingProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
