using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TwoFactorDemo.Web.Administration;
using TwoFactorDemo.Web.Authentication;

namespace TwoFactorDemo.Web.Areas.Admin.Controllers;

/// <summary>/Admin: the counts.</summary>
[Area("Admin")]
[Authorize(Policy = AuthorizationPolicies.AdminOnly)]
[Route("Admin")]
public class DashboardController(AdminDashboard dashboard) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await dashboard.CountAsync());
}
