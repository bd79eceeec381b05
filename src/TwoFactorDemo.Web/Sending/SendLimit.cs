namespace TwoFactorDemo.Web.Sending;

/// <summary>How many sends a channel allows: per account and per destination in <see cref="Window"/>, per client IP in <see cref="IpWindow"/>.</summary>
public sealed record SendLimit(string Channel, int PerDestination, TimeSpan Window, int PerIp, TimeSpan IpWindow);
