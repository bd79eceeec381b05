using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TwoFactorDemo.Web.Administration;
using TwoFactorDemo.Web.Areas.Admin.ViewModels;
using TwoFactorDemo.Web.Authentication;

namespace TwoFactorDemo.Web.Areas.Admin.Controllers;

/// <summary>/Admin/Audit: the security log, filtered and paged, and its CSV export.</summary>
[Area("Admin")]
[Authorize(Policy = AuthorizationPolicies.AdminOnly)]
[Route("Admin/Audit")]
public class AuditController(AuditQuery audit, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? user, string? kind, DateTime? from, DateTime? to, int page = 1)
    {
        var filter = new AuditFilter(user, kind, from, to, page);
        return View(new AuditViewModel { Filter = filter, Kinds = await audit.KindsAsync(), Result = await audit.SearchAsync(filter) });
    }

    /// <summary>Every user's email, IP and user agent in one file: a second factor from the last 10 minutes first.</summary>
    [HttpGet("Export")]
    [Authorize(Policy = AuthorizationPolicies.AdminStepUp)]
    public async Task<IActionResult> Export(string? user, string? kind, DateTime? from, DateTime? to)
    {
        var csv = await audit.ExportCsvAsync(new AuditFilter(user, kind, from, to));
        return File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"audit-{clock.GetUtcNow():yyyyMMdd-HHmm}.csv");
    }
}
