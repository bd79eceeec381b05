using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Email;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Account;

/// <summary>The pages behind the account's mailed links: confirm the address, forgot password, reset password.</summary>
[AllowAnonymous]
[Route("Account")]
public class AccountEmailsController(IStringLocalizer<SharedResource> T, AccountEmails emails) : Controller
{
    public static readonly string ForgotPasswordAnswer =
        TextKey.Of("If an account uses that address, we've emailed it a link to reset the password. It may take a minute; check your spam folder too.");

    [HttpGet("ConfirmEmail")]
    public async Task<IActionResult> ConfirmEmail(string? userId, string? code) =>
        View(await emails.ConfirmAsync(userId, code));

    [HttpGet("ForgotPassword")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordViewModel());

    /// <summary>Answers the same, doing the same work, whether or not the address has an account (the request is queued).</summary>
    [HttpPost("ForgotPassword")]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }
        await emails.RequestPasswordResetAsync(model.Email);
        TempData.SetStatus(T[ForgotPasswordAnswer]);
        return RedirectToAction(nameof(AccountController.Login), "Account");
    }

    [HttpGet("ResetPassword")]
    public IActionResult ResetPassword(string? email, string? code) =>
        View(new ResetPasswordViewModel { Email = email ?? "", Code = code ?? "" });

    [HttpPost("ResetPassword")]
    public async Task<IActionResult> ResetPassword(ResetPasswordViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }
        var result = await emails.ResetPasswordAsync(model.Email, model.Code, model.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }
            return View(model);
        }
        TempData.SetStatus(T["Your password is changed and every session is signed out. Log in with the new password; your second factor is still required."]);
        return RedirectToAction(nameof(AccountController.Login), "Account");
    }
}
