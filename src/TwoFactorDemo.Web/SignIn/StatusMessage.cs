using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace TwoFactorDemo.Web.SignIn;

/// <summary>
/// The one-line message the next page shows at its top (<c>_StatusMessage</c>), carried in TempData. Takes a string, so
/// a localized sentence is stored as its text (TempData keeps only plain values).
/// </summary>
public static class StatusMessage
{
    public const string Key = "Status";

    public static void SetStatus(this ITempDataDictionary tempData, string message) => tempData[Key] = message;
}
