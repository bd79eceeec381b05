using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.TwoFactor.Sms;

namespace TwoFactorDemo.Web.Administration;

/// <summary>
/// The admin's user list: searched, sorted and paged in the database (one COUNT and one page query,
/// whatever the number of users); the methods come from the user's own columns, not from more queries.
/// </summary>
public sealed class UserDirectory(AppDbContext db)
{
    public const int PageSize = 25;

    public async Task<UserPage> SearchAsync(string? q, UserSort sort, int page)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            var upper = term.ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(upper) || (u.PhoneNumber != null && u.PhoneNumber.Contains(term)));
        }
        var total = await users.CountAsync();
        var ordered = sort == UserSort.LastSignIn
            ? users.OrderByDescending(u => u.LastSignInAt).ThenByDescending(u => u.CreatedAt)
            : users.OrderByDescending(u => u.CreatedAt);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await ordered.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new
            {
                u.Id, u.Email, u.EmailConfirmed, u.PhoneNumber, u.PhoneNumberConfirmed,
                Totp = u.TotpSecret != null, u.SmsEnabled, u.EmailLinkEnabled, u.LockoutEnd, u.LastSignInAt, u.CreatedAt,
                Typing = db.TypingProfiles.Any(p => p.UserId == u.Id && p.Enrolled),
            })
            .ToListAsync();
        return new UserPage(rows.Select(u => new UserRow(
            u.Id, u.Email ?? "", u.EmailConfirmed,
            u.PhoneNumber is null ? null : PhoneNumberParser.Mask(u.PhoneNumber),
            Methods(u.Totp, u.SmsEnabled, u.EmailLinkEnabled, u.Typing),
            u.LockoutEnd, u.LastSignInAt, u.CreatedAt)).ToList(), total, page, PageSize);
    }

    /// <summary>The names of the methods an account has enrolled, in whatever state (a locked or unconfirmed one included).</summary>
    public static IReadOnlyList<string> Methods(bool totp, bool sms, bool email, bool typing) =>
        new[] { (totp, "totp"), (sms, "sms"), (email, "email"), (typing, "typing") }.Where(m => m.Item1).Select(m => m.Item2).ToList();
}
