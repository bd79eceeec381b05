namespace TwoFactorDemo.Web.Localization;

/// <summary>
/// Marks an English string as a resource key that is localized where it is shown (a label chosen in code and drawn by
/// a view through its localizer). It returns the key unchanged; the resource check finds keys by this call.
/// </summary>
public static class TextKey
{
    public static string Of(string english) => english;
}
