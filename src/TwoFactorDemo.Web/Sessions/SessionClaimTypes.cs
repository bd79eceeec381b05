namespace TwoFactorDemo.Web.Sessions;

public static class SessionClaimTypes
{
    /// <summary>The server-side session key, new at every sign-in.</summary>
    public const string SessionId = "tfd:sid";
}
