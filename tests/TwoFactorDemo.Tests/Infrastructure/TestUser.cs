namespace TwoFactorDemo.Tests.Infrastructure;

/// <summary>An account a story created, with what its owner would have written down.</summary>
public sealed record TestUser(string Email, string Password)
{
    public byte[]? TotpKey { get; set; }
    public string? Phone { get; set; }
    public List<string> RecoveryCodes { get; } = [];
}
