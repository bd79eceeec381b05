namespace TwoFactorDemo.Bench;

/// <summary>A request that did not answer as a working app would: counted as an error, its message kept.</summary>
public sealed class BenchException(string message) : Exception(message);
