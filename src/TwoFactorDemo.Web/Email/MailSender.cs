using System.Globalization;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.Outbox;

namespace TwoFactorDemo.Web.Email;

/// <summary>Sends a claimed outbox row as mail: its stored content, or what its kind's composer makes of it now.</summary>
public sealed class MailSender(MailOutbox outbox, IEnumerable<IMailComposer> composers, IAppEmailSender sender) : IOutboxSender
{
    public async Task<OutboxOutcome> SendAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        var message = composers.FirstOrDefault(c => c.Kind == row.Kind) is { } composer
            ? await ComposeInCultureAsync(composer, row) is { } composed ? composed with { MessageId = row.MessageId } : null
            : outbox.Open(row);
        if (message is null)
        {
            return OutboxOutcome.Dropped("nothing to send");
        }
        return await sender.SendAsync(message, cancellationToken)
            ? OutboxOutcome.Sent
            : OutboxOutcome.Failed("the mail server did not accept it (see the log)");
    }

    /// <summary>Composes in the language of the page that queued the mail (an async method: the culture set here goes no further).</summary>
    private static async Task<EmailMessage?> ComposeInCultureAsync(IMailComposer composer, OutboxMessage row)
    {
        if (row.Culture is { } name && AppCultures.Supported(withPseudo: true).FirstOrDefault(c => c.Name == name) is { } culture)
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }
        return await composer.ComposeAsync(row);
    }
}
