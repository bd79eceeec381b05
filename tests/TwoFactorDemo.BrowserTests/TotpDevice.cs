using TwoFactorDemo.Tests.Infrastructure;

namespace TwoFactorDemo.BrowserTests;

/// <summary>An authenticator app: gives the code of the earliest time step the server will still accept and hasn't seen.</summary>
public sealed class TotpDevice(byte[] key, long firstUsedStep)
{
    private long _lastStep = firstUsedStep;

    public async Task<string> NextCodeAsync()
    {
        // The server accepts one step ahead; beyond that, wait like a person would for the next code.
        while (_lastStep + 1 > DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 + 1)
        {
            await Task.Delay(1000);
        }
        _lastStep = Math.Max(_lastStep + 1, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        return Rfc6238.Code(key, _lastStep * 30);
    }
}
