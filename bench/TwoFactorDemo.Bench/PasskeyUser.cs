using TwoFactorDemo.Tests.Infrastructure;

namespace TwoFactorDemo.Bench;

/// <summary>A seeded user who signs in with a passkey, and that passkey.</summary>
public sealed record PasskeyUser(string Email, SoftwareAuthenticator.StoredCredential Credential);
