namespace TwoFactorDemo.Web.Methods.Passkeys;

/// <summary>One passkey as /Security/Passkeys lists it.</summary>
public sealed record PasskeyListItem(
    string Id, string Name, DateTimeOffset CreatedAt, DateTime? LastUsedAt, bool Synced, IReadOnlyList<string> Transports);
