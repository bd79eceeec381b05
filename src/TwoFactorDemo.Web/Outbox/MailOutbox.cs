using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Email;

namespace TwoFactorDemo.Web.Outbox;

/// <summary>
/// Puts mail in the outbox. <see cref="Add"/> only adds the row to the caller's unit of work: it is written by the
/// caller's commit, together with the change that causes the mail (a sign-in link with its token's row, a confirmation
/// with the new account), so a crash loses both or neither. The sender (<see cref="OutboxDispatcher"/>) does the rest.
/// </summary>
public sealed class MailOutbox(AppDbContext db, IDataProtectionProvider protection, TimeProvider clock, OutboxSignal signal)
{
    private const string Purpose = "TwoFactorDemo.Outbox.v1";

    /// <summary>Adds <paramref name="message"/> to be sent; returns the row (its Id is set by the commit).</summary>
    public OutboxMessage Add(EmailMessage message, string kind, string? userId)
    {
        var row = New(kind, userId, message.To);
        row.Subject = message.Subject;
        row.ProtectedBody = protection.CreateProtector(Purpose).Protect(JsonSerializer.Serialize(new[] { message.TextBody, message.HtmlBody }));
        return Track(row);
    }

    /// <summary>
    /// Adds a message whose content is composed when it is sent (<see cref="IOutboxComposer"/>), with what the composer
    /// needs to know of the request (protected like a body: the requester's IP address).
    /// </summary>
    public OutboxMessage AddToCompose(string kind, string to, string? context)
    {
        var row = New(kind, userId: null, to);
        row.ProtectedBody = context is null ? "" : protection.CreateProtector(Purpose).Protect(context);
        return Track(row);
    }

    /// <summary>The context a message to compose was queued with.</summary>
    public string? Context(OutboxMessage row) => row.ProtectedBody.Length == 0 ? null : protection.CreateProtector(Purpose).Unprotect(row.ProtectedBody);

    /// <summary>The stored message as it will be sent, with its Message-ID.</summary>
    public EmailMessage Open(OutboxMessage row)
    {
        var bodies = JsonSerializer.Deserialize<string[]>(protection.CreateProtector(Purpose).Unprotect(row.ProtectedBody))!;
        return new EmailMessage(row.To, row.Subject, bodies[0], bodies[1], row.MessageId);
    }

    private OutboxMessage New(string kind, string? userId, string to)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new OutboxMessage
        {
            MessageId = $"<{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}@twofactordemo>",
            Kind = kind,
            UserId = userId,
            To = to,
            CreatedAt = now,
            DueAt = now,
        };
    }

    private OutboxMessage Track(OutboxMessage row)
    {
        db.Set<OutboxMessage>().Add(row);
        db.SavedChanges += (_, _) => signal.Notify();
        return row;
    }
}
