namespace TwoFactorDemo.Web.Administration;

/// <summary>Whether an admin action happened, and the sentence to show.</summary>
public sealed record AdminActionResult(bool Succeeded, string Message);
