using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Methods.RecoveryCodes;

/// <summary>
/// Ten one-time codes of 12 characters from a 32-letter alphabet (60 bits each, from a CSPRNG), stored as
/// SHA-256 hashes bound to the user. With that much entropy a fast hash is enough; a slow one would only
/// slow down every redemption.
/// </summary>
public sealed class RecoveryCodeService(AppDbContext db, TimeProvider clock, SecurityEventLog audit) : IRecoveryCodes
{
    public const int CodeCount = 10;
    private const int CodeLength = 12;
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O or 1/I: easy to read back from paper

    /// <summary>Replaces the user's codes with ten new ones and returns them; this is the only time they exist in plain text.</summary>
    public async Task<IReadOnlyList<string>> GenerateAsync(string userId)
    {
        var codes = Enumerable.Range(0, CodeCount).Select(_ => NewCode()).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.InOneCommitAsync(async () =>
        {
            await db.Set<RecoveryCode>().Where(c => c.UserId == userId).ExecuteDeleteAsync();
            db.Set<RecoveryCode>().AddRange(codes.Select(code => new RecoveryCode { UserId = userId, CodeHash = Hash(userId, code), CreatedAt = now }));
            return await db.SaveChangesAsync();
        });
        await audit.WriteAsync(SecurityEventKinds.RecoveryCodesGenerated, userId);
        return codes.Select(Format).ToList();
    }

    public Task<int> CountRemainingAsync(string userId) =>
        db.Set<RecoveryCode>().CountAsync(c => c.UserId == userId && c.UsedAt == null);

    /// <summary>Spends a code: true at most once per code, even for two requests at the same moment.</summary>
    public async Task<bool> RedeemAsync(string userId, string input)
    {
        var code = VerificationCode.Normalize(input);
        if (!IsWellFormed(code))
        {
            return false;
        }
        var hash = Hash(userId, code);
        var now = clock.GetUtcNow().UtcDateTime;
        var spent = await db.Set<RecoveryCode>()
            .Where(c => c.UserId == userId && c.CodeHash == hash && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now));
        if (spent == 0)
        {
            return false;
        }
        await audit.WriteAsync(SecurityEventKinds.RecoveryCodeUsed, userId);
        return true;
    }

    /// <summary>True when a normalized code has the length and letters of a recovery code.</summary>
    public static bool IsWellFormed(string code) => code.Length == CodeLength && code.All(Alphabet.Contains);

    public Task DeleteAllAsync(string userId) => db.Set<RecoveryCode>().Where(c => c.UserId == userId).ExecuteDeleteAsync();

    private static string NewCode() => RandomNumberGenerator.GetString(Alphabet, CodeLength);

    private static string Format(string code) => $"{code[..4]}-{code[4..8]}-{code[8..]}";

    private static string Hash(string userId, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{userId}:{code}")));
}
