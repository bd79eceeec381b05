using TwoFactorDemo.Web.Administration;

namespace TwoFactorDemo.Web.Areas.Admin.ViewModels;

/// <summary>/Admin/Users/{id}: the account, its methods and what can be done to it.</summary>
public class UserDetailsViewModel
{
    public required UserDetails Details { get; init; }
    public bool IsSelf { get; init; }
}
