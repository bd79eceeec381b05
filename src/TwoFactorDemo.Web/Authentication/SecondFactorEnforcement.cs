namespace TwoFactorDemo.Web.Authentication;

/// <summary>Whether every user must have a second factor (<see cref="Required"/>) or only those who set one up.</summary>
public enum SecondFactorEnforcement
{
    Required,
    Optional,
}
