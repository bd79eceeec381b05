namespace TwoFactorDemo.Web.Administration;

/// <summary>A page of users and where it sits in the whole result.</summary>
public sealed record UserPage(IReadOnlyList<UserRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
