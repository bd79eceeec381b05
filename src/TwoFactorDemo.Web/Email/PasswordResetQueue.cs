using System.Threading.Channels;

namespace TwoFactorDemo.Web.Email;

/// <summary>
/// Forgot-password requests, handled after the response: the request looks nobody up, so it takes the same time
/// whether or not the address has an account (a token was once made only for known ones, 0.3–1 ms slower).
/// </summary>
public sealed class PasswordResetQueue
{
    private readonly Channel<PasswordResetRequest> _channel = Channel.CreateBounded<PasswordResetRequest>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });

    public ChannelReader<PasswordResetRequest> Reader => _channel.Reader;

    public void Enqueue(PasswordResetRequest request) => _channel.Writer.TryWrite(request);
}
