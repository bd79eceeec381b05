namespace TwoFactorDemo.Web.Administration;

/// <summary>How /Admin/Users is ordered (newest first).</summary>
public enum UserSort
{
    Created,
    LastSignIn,
}
