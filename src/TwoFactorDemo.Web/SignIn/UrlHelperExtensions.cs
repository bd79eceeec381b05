using Microsoft.AspNetCore.Mvc;

namespace TwoFactorDemo.Web.SignIn;

public static class UrlHelperExtensions
{
    /// <summary>
    /// The return URL when it stays on this site and can be sent in a <c>Location</c> header, else the home page: an open
    /// redirect is never followed, and a character a header cannot carry (U+2028, a control character) never reaches
    /// one (it made the response a 500).
    /// </summary>
    public static string LocalOrHome(this IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.Length <= 2048 && returnUrl.All(c => c is > ' ' and < '\u007f') && url.IsLocalUrl(returnUrl)
            ? returnUrl
            : "/";
}
