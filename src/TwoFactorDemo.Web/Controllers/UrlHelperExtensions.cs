using Microsoft.AspNetCore.Mvc;

namespace TwoFactorDemo.Web.Controllers;

public static class UrlHelperExtensions
{
    /// <summary>The return URL when it stays on this site, else the home page: an open redirect is never followed.</summary>
    public static string LocalOrHome(this IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
