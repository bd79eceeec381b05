using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>Development only: the texts and calls the local SMS provider "sent". Anywhere else this page does not exist (404).</summary>
[AllowAnonymous]
[Route("dev/outbox")]
public class SmsDevOutboxController(IHostEnvironment environment, DevOutbox outbox) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => environment.IsDevelopment() ? View(outbox.Messages) : NotFound();
}
