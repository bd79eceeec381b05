namespace TwoFactorDemo.Web.Authentication;

/// <summary>Why a second-factor requirement failed; tells the result handler where to send the user.</summary>
public static class SecondFactorFailure
{
    public const string Challenge = "SecondFactor:Challenge";
    public const string Enrol = "SecondFactor:Enrol";
    public const string StepUp = "SecondFactor:StepUp";
}
