using System.Net;

namespace TwoFactorDemo.Bench;

/// <summary>The bench's one connection pool per server: no cookies of its own (sessions carry theirs), no redirects followed.</summary>
public static class Http
{
    public static HttpClient For(Uri baseAddress, int connections) => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        MaxConnectionsPerServer = connections,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };
}
