using System.Text.Json;
using TwoFactorDemo.Web.Outbox;

namespace TwoFactorDemo.Web.Email;

/// <summary>Mail into the outbox (<see cref="OutboxWriter"/>), in the caller's commit; <see cref="MailSender"/> sends it.</summary>
public sealed class MailOutbox(OutboxWriter writer)
{
    /// <summary>Adds <paramref name="message"/> to be sent; <paramref name="reservation"/>: the send-limit record it holds, if a limit counted it.</summary>
    public OutboxMessage Add(EmailMessage message, string kind, string? userId, long? reservation = null) =>
        writer.Add(kind, userId, message.To, message.Subject, JsonSerializer.Serialize(new[] { message.TextBody, message.HtmlBody }), reservation);

    /// <summary>
    /// Adds a mail composed when it is sent (<see cref="IMailComposer"/>), with what the composer needs to know of the
    /// request (encrypted like a body: the requester's IP address).
    /// </summary>
    public OutboxMessage AddToCompose(string kind, string to, string? context) => writer.Add(kind, userId: null, to, "", context);

    /// <summary>The stored mail as it will be sent, with its Message-ID.</summary>
    public EmailMessage Open(OutboxMessage row)
    {
        var bodies = JsonSerializer.Deserialize<string[]>(writer.Payload(row) ?? "[\"\",\"\"]")!;
        return new EmailMessage(row.To, row.Subject, bodies[0], bodies[1], row.MessageId);
    }

    /// <summary>The context a mail to compose was queued with.</summary>
    public string? Context(OutboxMessage row) => writer.Payload(row);
}
