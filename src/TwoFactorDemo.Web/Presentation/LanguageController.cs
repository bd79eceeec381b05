using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Presentation;

/// <summary>POST /Language: the language switch in the footer (a form, so it works without script); remembers the choice and goes back.</summary>
[AllowAnonymous]
[Route("Language")]
public class LanguageController(LanguageCookie cookie, IOptions<RequestLocalizationOptions> localization) : Controller
{
    [HttpPost("")]
    public IActionResult Set(string? culture, string? returnUrl)
    {
        if (localization.Value.SupportedUICultures?.FirstOrDefault(c => c.Name.Equals(culture, StringComparison.OrdinalIgnoreCase)) is not { } chosen)
        {
            return BadRequest();
        }
        cookie.Write(HttpContext, chosen.Name);
        return LocalRedirect(Url.LocalOrHome(returnUrl));
    }
}
