using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Methods.Passkeys;

/// <summary>A user's passkeys on /Security/Passkeys: listed (with when each last signed in), renamed, removed.</summary>
public sealed class PasskeyList(UserManager<ApplicationUser> users, SecondFactorSettings settings, SecurityEventLog audit, AppDbContext db)
{
    private const int RecentUsesRead = 200;

    public async Task<IReadOnlyList<PasskeyListItem>> ListAsync(ApplicationUser user)
    {
        var uses = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.UserId == user.Id && e.Kind == SecurityEventKinds.PasskeyUsed)
            .OrderByDescending(e => e.At).Take(RecentUsesRead).Select(e => new { e.Detail, e.At }).ToListAsync();
        return (await users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => (Passkey: p, Id: PasskeyNames.Tag(p.CredentialId)))
            .Select(p => new PasskeyListItem(p.Id, p.Passkey.Name ?? "Passkey", p.Passkey.CreatedAt,
                uses.FirstOrDefault(u => u.Detail == p.Id)?.At, p.Passkey.IsBackedUp, p.Passkey.Transports ?? []))
            .ToList();
    }

    public async Task<PasskeyListItem?> FindAsync(ApplicationUser user, string id) => (await ListAsync(user)).FirstOrDefault(p => p.Id == id);

    /// <summary>Renames one of the user's passkeys; false when it is not theirs or the name is empty.</summary>
    public async Task<bool> RenameAsync(ApplicationUser user, string id, string? name)
    {
        if (PasskeyNames.Clean(name) is not { } cleaned || Decode(id) is not { } credentialId || await users.GetPasskeyAsync(user, credentialId) is not { } passkey)
        {
            return false;
        }
        passkey.Name = cleaned;
        await db.InOneCommitAsync(async () =>
        {
            await users.AddOrUpdatePasskeyAsync(user, passkey);
            await audit.WriteAsync(SecurityEventKinds.PasskeyRenamed, user.Id, $"{id} → {cleaned}");
        });
        return true;
    }

    /// <summary>Removes one of the user's passkeys; with it the last method, the recovery codes go too (one commit).</summary>
    public Task<bool> RemoveAsync(ApplicationUser user, string id) =>
        settings.RemovePartAsync(user, async () =>
        {
            if (Decode(id) is not { } credentialId || await users.GetPasskeyAsync(user, credentialId) is null)
            {
                return false;
            }
            var removed = await users.RemovePasskeyAsync(user, credentialId);
            if (!removed.Succeeded)
            {
                throw new ConcurrentChangeException(string.Join(" ", removed.Errors.Select(e => e.Code)));
            }
            await audit.WriteAsync(SecurityEventKinds.PasskeyRemoved, user.Id, id);
            return true;
        });

    private static byte[]? Decode(string? id)
    {
        try
        {
            return string.IsNullOrEmpty(id) || id.Length > 1400 ? null : WebEncoders.Base64UrlDecode(id);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
