namespace TwoFactorDemo.Tests.Infrastructure;

/// <summary>A request the fake Twilio server received.</summary>
public sealed record ReceivedRequest(string Path, string Authorization, string ContentType, IReadOnlyDictionary<string, string> Form);
