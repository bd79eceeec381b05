using TwoFactorDemo.Web.Localization;

namespace TwoFactorDemo.Web.Presentation;

/// <summary>
/// The colour mode a person chose (Bootstrap 5.3 colour modes): "auto" follows the device's <c>prefers-color-scheme</c>,
/// "light" and "dark" override it. Remembered in a cookie (<see cref="ColourThemeCookie"/>); no cookie means auto.
/// </summary>
public static class ColourTheme
{
    public const string Auto = "auto";
    public const string Light = "light";
    public const string Dark = "dark";

    public static readonly IReadOnlyList<string> All = [Auto, Light, Dark];

    /// <summary>The label of a choice on the switch (a resource key; the layout localizes it).</summary>
    public static string Label(string theme) => theme switch
    {
        Light => TextKey.Of("Light"),
        Dark => TextKey.Of("Dark"),
        _ => TextKey.Of("Auto (as the device)"),
    };
}
