using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.TwoFactor;

/// <summary>Which second-factor methods a user has, and which of them can be used now.</summary>
public sealed class EnrolledMethods(IEnumerable<ISecondFactorMethod> methods)
{
    /// <summary>All registered methods, in display order.</summary>
    public IReadOnlyList<ISecondFactorMethod> All { get; } = methods.OrderBy(m => m.Order).ToList();

    /// <summary>The methods this user can sign in with now (recovery codes included while some are left), in display order.</summary>
    public async Task<IReadOnlyList<ISecondFactorMethod>> AvailableAsync(ApplicationUser user)
    {
        var enrolled = new List<ISecondFactorMethod>();
        foreach (var method in All)
        {
            if (await method.IsAvailableAsync(user))
            {
                enrolled.Add(method);
            }
        }
        return enrolled;
    }

    /// <summary>
    /// True when the user has enrolled at least one real method, in whatever state (recovery codes alone do not count).
    /// This, never availability, decides whether an account has a second factor.
    /// </summary>
    public async Task<bool> HasPrimaryAsync(ApplicationUser user)
    {
        foreach (var method in All.Where(m => m.IsPrimary))
        {
            if (await method.IsEnrolledAsync(user))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The registered method named <paramref name="name"/>, or null.</summary>
    public ISecondFactorMethod? Find(string name) => All.FirstOrDefault(m => m.Name == name);
}
