namespace TwoFactorDemo.Web.Methods.RecoveryCodes;

/// <summary>/Security/RecoveryCodes: how many are left, and whether there is a method for new ones to back up.</summary>
public class RecoveryCodesViewModel
{
    public int Remaining { get; init; }
    public bool HasMethod { get; init; }
}
