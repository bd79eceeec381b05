namespace TwoFactorDemo.Web.Methods;

/// <summary>Recovery codes right after they were made (a first method, or "generate new codes"): shown this once.</summary>
public sealed record NewRecoveryCodesViewModel(IReadOnlyList<string> Codes)
{
    /// <summary>The codes as a text file under <paramref name="heading"/> (the page's words), for a download link that needs no script.</summary>
    public string DownloadHref(string heading) =>
        "data:text/plain;charset=utf-8," + Uri.EscapeDataString(heading + "\n\n" + string.Join("\n", Codes) + "\n");
}
