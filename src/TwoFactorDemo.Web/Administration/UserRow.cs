namespace TwoFactorDemo.Web.Administration;

/// <summary>One line of /Admin/Users.</summary>
public sealed record UserRow(
    string Id,
    string Email,
    bool EmailConfirmed,
    string? MaskedPhone,
    IReadOnlyList<string> Methods,
    DateTimeOffset? LockoutEnd,
    DateTime? LastSignInAt,
    DateTime CreatedAt);
