using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Presentation;

/// <summary>POST /Theme: the colour-mode switch in the footer (a form, so it works without script); remembers the choice and goes back.</summary>
[AllowAnonymous]
[Route("Theme")]
public class ThemeController(ColourThemeCookie cookie) : Controller
{
    [HttpPost("")]
    public IActionResult Set(string? theme, string? returnUrl)
    {
        if (theme is not (ColourTheme.Auto or ColourTheme.Light or ColourTheme.Dark))
        {
            return BadRequest();
        }
        cookie.Write(HttpContext, theme);
        return LocalRedirect(Url.LocalOrHome(returnUrl));
    }
}
