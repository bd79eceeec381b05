namespace TwoFactorDemo.Web.Methods.Passkeys;

/// <summary>What the ceremony cookie carries (Data-Protected): which ceremony, for what, in which session, until when.</summary>
public sealed record PasskeyCeremonyTicket(string Token, string Purpose, string? SessionKey, string State, DateTime ExpiresAt);
