using System.Threading.Channels;

namespace TwoFactorDemo.Web.Email;

/// <summary>
/// Mail that must not delay the response, so that the response time does not tell whether a mail was sent
/// at all (forgot-password answers the same for unknown emails, in the same time).
/// </summary>
public sealed class BackgroundEmailQueue
{
    private readonly Channel<EmailMessage> _channel = Channel.CreateBounded<EmailMessage>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });

    public ChannelReader<EmailMessage> Reader => _channel.Reader;

    public void Enqueue(EmailMessage message) => _channel.Writer.TryWrite(message);
}
