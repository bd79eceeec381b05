namespace TwoFactorDemo.Web.Administration;

/// <summary>How many accounts have enrolled one method (in any state), for the dashboard.</summary>
public sealed record MethodCount(string Name, string DisplayName, int Users);
