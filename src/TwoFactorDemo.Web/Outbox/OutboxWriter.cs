using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Outbox;

/// <summary>
/// Puts a message in the outbox. <see cref="Add"/> only adds the row to the caller's unit of work: the caller's commit
/// writes it together with the change that causes it, so a crash loses both or neither. The payload (a mail's bodies,
/// which hold its links) is encrypted with Data Protection. What a message is, and how it is sent, belongs to the
/// channel that wrote it (<see cref="IOutboxSender"/>); the outbox only keeps, claims and retries.
/// </summary>
public sealed class OutboxWriter(AppDbContext db, IDataProtectionProvider protection, TimeProvider clock, OutboxSignal signal)
{
    private const string Purpose = "TwoFactorDemo.Outbox.v1";

    /// <summary>Adds a message; <paramref name="reservation"/>: the send-limit record it holds (given back if it dies).</summary>
    public OutboxMessage Add(string kind, string? userId, string to, string subject, string? payload, long? reservation = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new OutboxMessage
        {
            MessageId = $"<{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}@twofactordemo>",
            Kind = kind,
            UserId = userId,
            To = to,
            Subject = subject,
            ProtectedBody = payload is null ? "" : protection.CreateProtector(Purpose).Protect(payload),
            CreatedAt = now,
            DueAt = now,
            SendReservationId = reservation,
            Culture = CultureInfo.CurrentUICulture.Name is { Length: > 0 and <= 16 } culture ? culture : null,
        };
        db.Set<OutboxMessage>().Add(row);
        db.SavedChanges += (_, _) => signal.Notify();
        return row;
    }

    /// <summary>The payload a message was written with, or null.</summary>
    public string? Payload(OutboxMessage row) =>
        row.ProtectedBody.Length == 0 ? null : protection.CreateProtector(Purpose).Unprotect(row.ProtectedBody);
}
