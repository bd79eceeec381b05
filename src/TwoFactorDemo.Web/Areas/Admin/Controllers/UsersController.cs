using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Web.Administration;
using TwoFactorDemo.Web.Areas.Admin.ViewModels;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Controllers;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.TwoFactor.RecoveryCodes;

namespace TwoFactorDemo.Web.Areas.Admin.Controllers;

/// <summary>/Admin/Users: the list, one account, and the actions (each confirmed first, then a POST with step-up).</summary>
[Area("Admin")]
[Authorize(Policy = AuthorizationPolicies.AdminOnly)]
[Route("Admin/Users")]
public class UsersController(
    UserDirectory directory,
    UserAdministration administration,
    UserManager<ApplicationUser> users,
    RecoveryCodeService recoveryCodes,
    AppDbContext db,
    TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, UserSort sort = UserSort.Created, int page = 1)
    {
        if (q?.Length > 256)
        {
            return BadRequest();
        }
        return View(new UserListViewModel { Q = q, Sort = sort, Result = await directory.SearchAsync(q, sort, page) });
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } user)
        {
            return NotFound();
        }
        var me = await users.GetRequiredUserAsync(User);
        return View(new UserDetailsViewModel
        {
            User = user,
            Methods = UserDirectory.Methods(user.TotpSecret is not null, user.SmsEnabled, user.EmailLinkEnabled,
                await db.TypingProfiles.AnyAsync(p => p.UserId == user.Id && p.Enrolled)),
            RecoveryCodesLeft = await recoveryCodes.CountRemainingAsync(user.Id),
            Sessions = await db.UserSessions.CountAsync(s => s.UserId == user.Id),
            IsAdmin = await users.IsInRoleAsync(user, Data.DatabaseInitializer.AdminRole),
            IsLocked = user.LockoutEnd > clock.GetUtcNow(),
            IsSelf = user.Id == me.Id,
            RecentEvents = await db.SecurityEvents.AsNoTracking().Where(e => e.UserId == user.Id).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(20).ToListAsync(),
        });
    }

    [HttpGet("{id:guid}/{operation}")]
    [Authorize(Policy = AuthorizationPolicies.AdminStepUp)]
    public async Task<IActionResult> Confirm(Guid id, string operation)
    {
        if (!AdminOperations.All.TryGetValue(operation, out var text) || await users.FindByIdAsync(id.ToString()) is not { } user)
        {
            return NotFound();
        }
        return View(new ConfirmActionViewModel { UserId = user.Id, Email = user.Email ?? user.Id, Operation = operation, Title = text.Title, Explanation = text.Explanation });
    }

    [HttpPost("{id:guid}/{operation}")]
    [Authorize(Policy = AuthorizationPolicies.AdminStepUp)]
    public async Task<IActionResult> Run(Guid id, string operation)
    {
        if (!AdminOperations.All.ContainsKey(operation) || await users.FindByIdAsync(id.ToString()) is not { } user)
        {
            return NotFound();
        }
        var me = await users.GetRequiredUserAsync(User);
        var result = await administration.RunAsync(operation, user, me.Id);
        TempData["Status"] = result.Message;
        return result.Succeeded && operation == AdminOperations.Delete
            ? RedirectToAction(nameof(Index))
            : RedirectToAction(nameof(Details), new { id });
    }
}
