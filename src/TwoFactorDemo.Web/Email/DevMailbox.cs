using Microsoft.Extensions.Options;
using MimeKit;

namespace TwoFactorDemo.Web.Email;

/// <summary>
/// The default "mail server" for development: each message is saved as an .eml file under
/// <c>Email:MailboxPath</c> and listed, newest first, at /dev/mailbox.
/// </summary>
public sealed class DevMailbox(MimeMessageFactory factory, IOptions<EmailOptions> options, IHostEnvironment environment, ILogger<DevMailbox> logger) : IAppEmailSender
{
    private static long _sequence;

    private string Folder => Path.Combine(environment.ContentRootPath, options.Value.MailboxPath);

    public async Task<bool> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            var mime = factory.Create(message);
            // Named by the real clock and a counter, so the listing is in sending order even under a test clock.
            // Written under a temporary name and renamed: a reader (the mailbox page, a test) never sees half a message,
            // and never holds a file the writer still needs.
            var file = Path.Combine(Folder, $"{DateTime.UtcNow.Ticks:D20}-{Interlocked.Increment(ref _sequence):D10}.eml");
            await mime.WriteToAsync(file + ".tmp", cancellationToken);
            File.Move(file + ".tmp", file);
            if (environment.IsDevelopment())
            {
                logger.LogInformation("Dev mailbox: \"{Subject}\" to {To} saved as {File}", message.Subject, message.To, file);
            }
            return true;
        }
        catch (IOException ex)
        {
            logger.LogError("Could not save \"{Subject}\" to the dev mailbox: {Error}", message.Subject, ex.Message);
            return false;
        }
    }

    /// <summary>The newest <paramref name="count"/> messages, newest first.</summary>
    public async Task<IReadOnlyList<MimeMessage>> ListAsync(int count = 50)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.eml").OrderDescending().Take(count))
        {
            messages.Add(await MimeMessage.LoadAsync(file));
        }
        return messages;
    }
}
