using System.Threading.Channels;
using TwoFactorDemo.Tests.Infrastructure;

namespace TwoFactorDemo.Bench;

/// <summary>
/// The users who sign in with a passkey, each with its credential in one software authenticator (the one the tests use).
/// A user is leased to one virtual user at a time, so its sign counter only goes up.
/// </summary>
public sealed class PasskeyPool
{
    private readonly Channel<PasskeyUser> _free = Channel.CreateUnbounded<PasskeyUser>();
    private int _count;

    /// <summary>The authenticator: RP ID <c>localhost</c>, origin <c>http://localhost</c> (what the app is configured to accept).</summary>
    public SoftwareAuthenticator Authenticator { get; } = new() { RpId = "localhost", Origin = "http://localhost" };

    public int Count => Volatile.Read(ref _count);

    public void Add(IEnumerable<PasskeyUser> users)
    {
        foreach (var user in users)
        {
            _free.Writer.TryWrite(user);
            Interlocked.Increment(ref _count);
        }
    }

    public ValueTask<PasskeyUser> LeaseAsync(CancellationToken cancellation) => _free.Reader.ReadAsync(cancellation);

    public void Return(PasskeyUser user) => _free.Writer.TryWrite(user);
}
