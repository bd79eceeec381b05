using Microsoft.Extensions.Options;
using MimeKit;

namespace TwoFactorDemo.Web.Email;

/// <summary>Turns an <see cref="EmailMessage"/> into a multipart/alternative MIME message from <c>Email:Smtp:From</c>.</summary>
public sealed class MimeMessageFactory(IOptions<EmailOptions> options, TimeProvider clock)
{
    public MimeMessage Create(EmailMessage message)
    {
        var mime = new MimeMessage { Subject = message.Subject, Date = clock.GetUtcNow() };
        mime.From.Add(MailboxAddress.Parse(options.Value.Smtp.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        if (message.MessageId is { Length: > 0 } id)
        {
            mime.MessageId = id;
        }
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}
