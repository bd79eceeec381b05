namespace TwoFactorDemo.Web.Methods.Passkeys;

/// <summary>/Security/Passkeys: the user's passkeys and the form that adds one.</summary>
public class PasskeysViewModel : PasskeyFormModel
{
    public IReadOnlyList<PasskeyListItem> Passkeys { get; set; } = [];
    public bool MessageIsError { get; set; }
}
