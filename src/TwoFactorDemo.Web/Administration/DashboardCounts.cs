using TwoFactorDemo.Web.Outbox;

namespace TwoFactorDemo.Web.Administration;

/// <summary>The admin dashboard's figures: accounts, one count per registered method, and the last day's sign-ins.</summary>
public sealed record DashboardCounts(
    int Users, IReadOnlyList<MethodCount> Methods, int WithoutMethod, int LockedNow, int SignIns24h, int Failures24h, OutboxCounts Mail);
