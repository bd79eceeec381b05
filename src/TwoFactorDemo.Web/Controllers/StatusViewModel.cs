namespace TwoFactorDemo.Web.Controllers;

/// <summary>A friendly page for an error or an HTTP status.</summary>
public class StatusViewModel
{
    public int StatusCode { get; init; }
    public required string Title { get; init; }
    public required string Message { get; init; }
    public string? RequestId { get; init; }
}
