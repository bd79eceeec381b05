namespace TwoFactorDemo.Web.Methods;

/// <summary>
/// How a method describes itself to its user: its state in a few words ("On since 3 May", "Locked after 5 failed
/// tries"), and optionally a next step (a pending phone number to confirm) with the page that takes it.
/// </summary>
public sealed record MethodDescription(string Summary, string? NextStep = null, string? NextStepPath = null);
