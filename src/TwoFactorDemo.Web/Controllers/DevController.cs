using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using System.Text.RegularExpressions;
using TwoFactorDemo.Web.Email;
using TwoFactorDemo.Web.TwoFactor.Sms;
using TwoFactorDemo.Web.ViewModels.Home;

namespace TwoFactorDemo.Web.Controllers;

/// <summary>Development only: what the app "sent". Anywhere else these pages do not exist (404).</summary>
[AllowAnonymous]
[Route("dev")]
public partial class DevController(IHostEnvironment environment, DevOutbox outbox, DevMailbox mailbox) : Controller
{
    [HttpGet("outbox")]
    public IActionResult Outbox() => environment.IsDevelopment() ? View(outbox.Messages) : NotFound();

    [HttpGet("mailbox")]
    public async Task<IActionResult> Mailbox()
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }
        var messages = (await mailbox.ListAsync()).Select(m =>
        {
            var text = m.TextBody ?? "";
            return new DevMailViewModel(m.Date, m.To.ToString(), m.Subject ?? "", text, Links().Matches(text).Select(x => x.Value).ToList());
        }).ToList();
        return View(messages);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}
