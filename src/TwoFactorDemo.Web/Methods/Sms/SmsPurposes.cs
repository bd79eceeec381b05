namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>Why a session asked for a code; a code asked for one purpose is useless for the other.</summary>
public static class SmsPurposes
{
    public const string SignIn = "sms-sign-in";
    public const string VerifyPhone = "phone-verify";
}
