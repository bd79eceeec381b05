using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TwoFactorDemo.Web.TwoFactor.Sms;

namespace TwoFactorDemo.Web.Controllers;

/// <summary>Development only: what the app "sent". Anywhere else these pages do not exist (404).</summary>
[AllowAnonymous]
[Route("dev")]
public class DevController(IHostEnvironment environment, DevOutbox outbox) : Controller
{
    [HttpGet("outbox")]
    public IActionResult Outbox() => environment.IsDevelopment() ? View(outbox.Messages) : NotFound();
}
