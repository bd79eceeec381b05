namespace TwoFactorDemo.Web.TwoFactor;

/// <summary>One method as the /Security page shows it.</summary>
public sealed record MethodState(ISecondFactorMethod Method, bool Enrolled);
