using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace TwoFactorDemo.Web.Email;

/// <summary>Development only: the mail the app "sent" (texts: <c>/dev/outbox</c>, in Methods/Sms). Anywhere else it does not exist (404).</summary>
[AllowAnonymous]
[Route("dev/mailbox")]
public partial class DevMailboxController(IHostEnvironment environment, DevMailbox mailbox) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
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
