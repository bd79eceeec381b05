using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;

namespace TwoFactorDemo.Web.Methods;

/// <summary>
/// The registered methods, and which of them a user has: the one place the challenge, /Security, the admin pages and
/// the admin reset learn about methods, so none of them names one.
/// </summary>
public sealed class EnrolledMethods(IStringLocalizer<SharedResource> T, IEnumerable<ISecondFactorMethod> methods, AppDbContext db)
{
    /// <summary>How many of a user's latest second-factor sign-ins are read to find when each method was last used.</summary>
    private const int RecentSignInsRead = 200;

    /// <summary>All registered methods, in display order.</summary>
    public IReadOnlyList<ISecondFactorMethod> All { get; } = methods.OrderBy(m => m.Order).ToList();

    /// <summary>The methods this user can sign in with now (recovery codes included while some are left), in display order.</summary>
    public async Task<IReadOnlyList<ISecondFactorMethod>> AvailableAsync(ApplicationUser user)
    {
        var available = new List<ISecondFactorMethod>();
        foreach (var method in All)
        {
            if (await method.IsAvailableAsync(user))
            {
                available.Add(method);
            }
        }
        return available;
    }

    /// <summary>
    /// True when the user has enrolled at least one real method, in whatever state (recovery codes alone do not count).
    /// This, never availability, decides whether an account has a second factor.
    /// </summary>
    public Task<bool> HasPrimaryAsync(ApplicationUser user) => HasEnrolledAsync(user, m => m.IsPrimary);

    /// <summary>True when the user has enrolled, in any state, at least one of the methods <paramref name="which"/> picks.</summary>
    public async Task<bool> HasEnrolledAsync(ApplicationUser user, Func<ISecondFactorMethod, bool> which)
    {
        // Methods read from the user row first (no query); those with their own tables only when none of those is on.
        foreach (var method in All.Where(which).OrderByDescending(m => m.EnrolmentOnUserRow))
        {
            if (await method.IsEnrolledAsync(user))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Every real method (or, with <paramref name="includeBackup"/>, recovery codes too) as the user's pages show it:
    /// enrolled or not, the method's own description, and when it last proved a sign-in (from the audit log, one query).
    /// </summary>
    public async Task<IReadOnlyList<MethodState>> StatesAsync(ApplicationUser user, bool includeBackup = false)
    {
        var recent = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.UserId == user.Id && e.Kind == SecurityEventKinds.SecondFactorVerified)
            .OrderByDescending(e => e.At).Take(RecentSignInsRead)
            .Select(e => new { e.Detail, e.At })
            .ToListAsync();
        var states = new List<MethodState>();
        foreach (var method in All.Where(m => includeBackup || m.IsPrimary))
        {
            // The challenge records "<method>" or "<method>, browser remembered".
            var lastUsed = recent.FirstOrDefault(e => e.Detail == method.Name || e.Detail?.StartsWith(method.Name + ",", StringComparison.Ordinal) == true);
            states.Add(new MethodState(method, await method.IsEnrolledAsync(user), await method.DescribeAsync(user), lastUsed?.At));
        }
        return states;
    }

    /// <summary>The registered method named <paramref name="name"/>, or null.</summary>
    public ISecondFactorMethod? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    /// <summary>How the session proved its second factor, in words: "Verified with a passkey", "Verified: this browser is remembered".</summary>
    public string VerifiedPhrase(string method) =>
        method == Authentication.SecondFactorMethodNames.Remembered ? T["Verified: this browser is remembered"]
        : Find(method)?.VerifiedPhrase ?? T["Verified"];

    /// <summary>True when a session verified by <paramref name="method"/> (its <c>tfd:2fa</c> value) may pass a step-up or the admin area: a method, and not a weaker one (typing).</summary>
    public bool CountsForStepUp(string? method) => method is not null && Find(method) is { CountsForStepUp: true };
}
