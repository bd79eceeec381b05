using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.Outbox;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Areas.Admin.Controllers;

/// <summary>/Admin/Outbox: mail that could not be sent after every retry (dead letters), and sending one again.</summary>
[Area("Admin")]
[Authorize(Policy = AuthorizationPolicies.AdminOnly)]
[Route("Admin/Outbox")]
public class OutboxController(IStringLocalizer<SharedResource> T, OutboxStore outbox, SecurityEventLog audit, AppDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        ViewData["Counts"] = await outbox.CountsAsync();
        return View(await outbox.DeadLettersAsync());
    }

    [HttpPost("{id:long}/Retry")]
    public async Task<IActionResult> Retry(long id)
    {
        if (await outbox.RetryAsync(id))
        {
            await audit.WriteAsync(SecurityEventKinds.AdminRetriedMail, null, $"outbox message {id}");
            await db.SaveChangesAsync();
            TempData.SetStatus(T["The mail is queued again; it goes out within a few seconds if the mail server takes it."]);
        }
        else
        {
            TempData.SetStatus(T["That mail is not waiting for a retry any more."]);
        }
        return RedirectToAction(nameof(Index));
    }
}
