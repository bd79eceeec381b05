namespace TwoFactorDemo.Web.Email;

/// <summary>Someone asked for a reset link for <see cref="Email"/>: only the address and the asking client, never the user.</summary>
public sealed record PasswordResetRequest(string Email, string? IpAddress);
