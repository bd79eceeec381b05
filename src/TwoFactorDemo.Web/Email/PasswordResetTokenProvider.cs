using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Email;

/// <summary>
/// Password-reset tokens of their own instead of Identity's Data Protection tokens, which live 24 hours and of which
/// any number can be valid at once: a random 256-bit token, only its hash stored, <c>Email:PasswordResetMinutes</c>
/// (30) long, one per user (a new one voids the older), spent by the check that accepts it (issue 13, finding 14).
/// </summary>
public sealed class PasswordResetTokenProvider(AppDbContext db, IOptions<EmailOptions> options, TimeProvider clock) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public const string Name = "password-reset";

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var token = SecretTokens.New();
        var expires = clock.GetUtcNow().AddMinutes(options.Value.PasswordResetMinutes).UtcDateTime;
        await db.InOneCommitAsync(async () =>
        {
            await db.PasswordResets.Where(r => r.UserId == user.Id).ExecuteDeleteAsync();
            db.PasswordResets.Add(new PasswordReset { UserId = user.Id, TokenHash = SecretTokens.Hash(token), ExpiresAt = expires });
            await db.SaveChangesAsync();
            return true;
        });
        return token;
    }

    /// <summary>Accepts the token once: the conditional DELETE that spends it succeeds for one request only.</summary>
    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 128)
        {
            return false;
        }
        var hash = SecretTokens.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.PasswordResets.Where(r => r.UserId == user.Id && r.TokenHash == hash && r.ExpiresAt > now).ExecuteDeleteAsync() == 1;
    }

}
