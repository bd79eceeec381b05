using TwoFactorDemo.Web.Administration;

namespace TwoFactorDemo.Web.Areas.Admin.ViewModels;

/// <summary>/Admin/Users: the search, the sort, and the page of users.</summary>
public class UserListViewModel
{
    public string? Q { get; init; }
    public UserSort Sort { get; init; }
    public required UserPage Result { get; init; }
}
