namespace TwoFactorDemo.Web.Authentication;

/// <summary>Why a second-factor requirement failed; tells the result handler where to send the user.</summary>
public static class SecondFactorFailure
{
    public const string Challenge = "SecondFactor:Challenge";
    public const string Enrol = "SecondFactor:Enrol";
    public const string StepUp = "SecondFactor:StepUp";

    /// <summary>The admin area asks for a phishing-resistant method, and this user has one: prove it now.</summary>
    public const string PhishingResistantStepUp = "SecondFactor:PhishingResistantStepUp";

    /// <summary>The admin area asks for a phishing-resistant method, and this user has none yet: add one.</summary>
    public const string EnrolPhishingResistant = "SecondFactor:EnrolPhishingResistant";
}
