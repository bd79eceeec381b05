namespace TwoFactorDemo.Web.Areas.Admin.ViewModels;

/// <summary>The confirmation step before an admin action.</summary>
public class ConfirmActionViewModel
{
    public required string UserId { get; init; }
    public required string Email { get; init; }
    public required string Operation { get; init; }
    public required string Title { get; init; }
    public required string Explanation { get; init; }
}
