namespace TwoFactorDemo.Web.ViewModels.Security;

/// <summary>/Security/RecoveryCodes: how many are left, and new codes right after they were made.</summary>
public class RecoveryCodesViewModel
{
    public int Remaining { get; init; }
    public bool HasMethod { get; init; }
    public IReadOnlyList<string> NewCodes { get; init; } = [];

    /// <summary>The new codes as a text file, for a download link that needs no script.</summary>
    public string DownloadHref =>
        "data:text/plain;charset=utf-8," + Uri.EscapeDataString(
            "TwoFactorDemo recovery codes. Each works once; keep them somewhere safe.\n\n" + string.Join("\n", NewCodes) + "\n");
}
