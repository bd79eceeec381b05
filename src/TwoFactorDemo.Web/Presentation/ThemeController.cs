using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace TwoFactorDemo.Web.Presentation;

/// <summary>POST /Theme: the colour-mode switch in the footer (a form, so it works without script); remembers the choice and goes back.</summary>
[AllowAnonymous]
[Route("Theme")]
public class ThemeController : Controller
{
    [HttpPost("")]
    public IActionResult Set(string? theme, string? returnUrl)
    {
        if (theme is not (ColourTheme.Auto or ColourTheme.Light or ColourTheme.Dark))
        {
            return BadRequest();
        }
        if (theme == ColourTheme.Auto)
        {
            Response.Cookies.Delete(ColourTheme.CookieName);
        }
        else
        {
            Response.Cookies.Append(ColourTheme.CookieName, theme, new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                HttpOnly = false, // theme.js reads it to avoid a flash of the other mode
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
                Path = "/",
            });
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
