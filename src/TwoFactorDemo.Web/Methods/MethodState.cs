namespace TwoFactorDemo.Web.Methods;

/// <summary>One method of one user as /Security and the admin's user page show it.</summary>
public sealed record MethodState(ISecondFactorMethod Method, bool Enrolled, MethodDescription Description, DateTime? LastUsedAt);
