using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Methods;

namespace TwoFactorDemo.Web.Administration;

/// <summary>
/// The admin's view of accounts. The list is searched, sorted and paged in the database: one COUNT, one page query and
/// one query for the page's methods (each registered method's filter, joined with UNION ALL), whatever the number of users.
/// </summary>
public sealed class UserDirectory(AppDbContext db, EnrolledMethods methods, UserManager<ApplicationUser> users, TimeProvider clock)
{
    public const int PageSize = 25;
    private const int RecentEventsShown = 20;

    public async Task<UserPage> SearchAsync(string? q, UserSort sort, int page)
    {
        var found = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            var upper = term.ToUpperInvariant();
            // A phone number typed in any format ("(415) 555-0134", "+44 7911 123456") is searched by its digits, the way
            // numbers are stored (E.164: "+" and digits only).
            var digits = new string(term.Where(char.IsAsciiDigit).ToArray());
            var phone = digits.Length >= 4 && term.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '+') ? digits : term;
            found = found.Where(u => u.NormalizedEmail!.Contains(upper) || (u.PhoneNumber != null && u.PhoneNumber.Contains(phone)));
        }
        var total = await found.CountAsync();
        var ordered = sort == UserSort.LastSignIn
            ? found.OrderByDescending(u => u.LastSignInAt).ThenByDescending(u => u.CreatedAt)
            : found.OrderByDescending(u => u.CreatedAt);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await ordered.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.Email, u.EmailConfirmed, u.PhoneNumber, u.LockoutEnd, u.LastSignInAt, u.CreatedAt })
            .ToListAsync();
        var enrolled = await MethodsOfAsync(rows.Select(r => r.Id).ToList());
        return new UserPage(rows.Select(u => new UserRow(
            u.Id, u.Email ?? "", u.EmailConfirmed,
            u.PhoneNumber is null ? null : ContactMasks.Phone(u.PhoneNumber),
            enrolled[u.Id],
            u.LockoutEnd, u.LastSignInAt, u.CreatedAt)).ToList(), total, page, PageSize);
    }

    /// <summary>One account for /Admin/Users/{id}, or null when there is none.</summary>
    public async Task<UserDetails?> DetailsAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return null;
        }
        return new UserDetails(
            user,
            await methods.StatesAsync(user, includeBackup: true),
            await db.UserSessions.CountAsync(s => s.UserId == user.Id),
            await users.IsInRoleAsync(user, DatabaseInitializer.AdminRole),
            user.LockoutEnd > clock.GetUtcNow(),
            await db.SecurityEvents.AsNoTracking().Where(e => e.UserId == user.Id)
                .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(RecentEventsShown).ToListAsync());
    }

    /// <summary>
    /// The names of the methods each of <paramref name="userIds"/> has enrolled, in whatever state (a locked or
    /// unconfirmed one included), in display order: one query, a UNION ALL of every method's own filter.
    /// </summary>
    private async Task<Dictionary<string, IReadOnlyList<string>>> MethodsOfAsync(IReadOnlyList<string> userIds)
    {
        IQueryable<UserMethod>? union = null;
        foreach (var (method, order) in methods.All.Where(m => m.IsPrimary).Select((m, i) => (m, i)))
        {
            var name = method.Name;
            var query = db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Where(method.EnrolledFilter)
                .Select(u => new UserMethod { UserId = u.Id, Method = name, Order = order });
            union = union is null ? query : union.Concat(query);
        }
        var found = union is null ? [] : await union.ToListAsync();
        return userIds.ToDictionary(id => id, id => (IReadOnlyList<string>)found
            .Where(f => f.UserId == id).OrderBy(f => f.Order).Select(f => f.Method).ToList());
    }

    private sealed class UserMethod
    {
        public required string UserId { get; init; }
        public required string Method { get; init; }
        public int Order { get; init; }
    }
}
