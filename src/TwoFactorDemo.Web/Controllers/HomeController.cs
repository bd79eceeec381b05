using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;

namespace TwoFactorDemo.Web.Controllers;

/// <summary>The public home page and the friendly error pages.</summary>
public class HomeController(IStringLocalizer<SharedResource> T) : Controller
{
    [HttpGet]
    [AllowAnonymous]
    public IActionResult Index() => View();

    /// <summary>A page behind the default policy, to show (and test) the second-factor check.</summary>
    [HttpGet]
    [Authorize]
    public IActionResult Protected() => View();

    // Re-executed for any method, so no verb attribute and no antiforgery check here.
    [AllowAnonymous]
    [IgnoreAntiforgeryToken]
    [ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
    public IActionResult Error() =>
        HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error switch
        {
            // Asked for directly (the fuzz suite, issue 17): there is no error to show, and no page at this address.
            null => StatusPage(StatusCodes.Status404NotFound, T["Page not found"], T["There is no page at this address."]),
            ConcurrentChangeException => StatusPage(StatusCodes.Status409Conflict, T["Changed at the same moment"],
                T["Your account was changed by another request at the same time, so nothing was saved. Reload the page and try again."]),
            _ => StatusPage(StatusCodes.Status500InternalServerError, T["Something went wrong"],
                T["We could not finish that request. Nothing was changed; please try again."]),
        };

    private ViewResult StatusPage(int statusCode, string title, string message)
    {
        Response.StatusCode = statusCode;
        return View("Status", new StatusViewModel
        {
            StatusCode = statusCode,
            Title = title,
            Message = message,
            RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier,
        });
    }

    [AllowAnonymous]
    [IgnoreAntiforgeryToken]
    [Route("Home/Status/{statusCode:int}")]
    public IActionResult Status([FromRoute] int statusCode)
    {
        var (title, message) = statusCode switch
        {
            400 => (T["That request could not be used"],
                T["The form may have expired or come from another site. Go back, reload the page and try again."]),
            403 => (T["Not allowed"], T["Your account cannot open this page."]),
            404 => (T["Page not found"], T["There is no page at this address."]),
            405 => (T["Not allowed"], T["This page cannot be used that way."]),
            413 => (T["Too large"], T["That was more than this page accepts."]),
            415 => (T["That request could not be used"], T["This site reads forms in UTF-8 only. Go back, reload the page and try again."]),
            _ => (T["Something went wrong"], T["We could not finish that request."]),
        };
        return View("Status", new StatusViewModel { StatusCode = statusCode, Title = title, Message = message, RequestId = HttpContext.TraceIdentifier });
    }
}
