using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Administration;
using TwoFactorDemo.Web.Areas.Admin.ViewModels;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Areas.Admin.Controllers;

/// <summary>/Admin/Users: the list, one account, and the actions (each confirmed first, then a POST with step-up).</summary>
[Area("Admin")]
[Authorize(Policy = AuthorizationPolicies.AdminOnly)]
[Route("Admin/Users")]
public class UsersController(
    IStringLocalizer<SharedResource> T,
    UserDirectory directory,
    UserAdministration administration,
    UserManager<ApplicationUser> users) : Controller
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
        if (await directory.DetailsAsync(id.ToString()) is not { } details)
        {
            return NotFound();
        }
        return View(new UserDetailsViewModel { Details = details, IsSelf = details.User.Id == users.GetUserId(User) });
    }

    [HttpGet("{id:guid}/{operation}")]
    [Authorize(Policy = AuthorizationPolicies.AdminStepUp)]
    public async Task<IActionResult> Confirm(Guid id, string operation)
    {
        if (!AdminOperations.All.TryGetValue(operation, out var text) || await users.FindByIdAsync(id.ToString()) is not { } user)
        {
            return NotFound();
        }
        return View(new ConfirmActionViewModel { UserId = user.Id, Email = user.Email ?? user.Id, Operation = operation, Title = T[text.Title], Explanation = T[text.Explanation] });
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
        TempData.SetStatus(result.Message);
        return result.Succeeded && operation == AdminOperations.Delete
            ? RedirectToAction(nameof(Index))
            : RedirectToAction(nameof(Details), new { id });
    }
}
