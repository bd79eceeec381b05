namespace TwoFactorDemo.Web.Administration;

/// <summary>The numbers on /Admin.</summary>
public sealed record DashboardCounts(int Users, int WithTotp, int WithSms, int WithEmailLink, int WithoutMethod, int LockedNow, int SignIns24h, int Failures24h);
