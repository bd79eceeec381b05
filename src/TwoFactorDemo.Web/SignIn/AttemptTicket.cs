namespace TwoFactorDemo.Web.SignIn;

/// <summary>
/// An attempt counted before its proof was checked (<see cref="SignInAttempts.CountAsync"/>). <see cref="LockedAccount"/>:
/// this attempt reached the failure limit, so the account is locked until <see cref="LockedUntil"/> unless its proof is right.
/// </summary>
public sealed record AttemptTicket(bool LockedAccount, DateTimeOffset LockedUntil);
