namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>One key as the browser recorded it: when it went down and came up, in milliseconds from the first key.</summary>
public sealed record KeystrokeEvent(string Key, double Down, double Up);
