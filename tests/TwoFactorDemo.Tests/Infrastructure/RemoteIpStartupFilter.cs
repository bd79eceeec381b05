using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace TwoFactorDemo.Tests.Infrastructure;

/// <summary>
/// The test server has no network, so no client address. This gives every request one, like Kestrel would:
/// 127.0.0.1, or the address in the test-only header <see cref="Header"/> to play a different client.
/// </summary>
public sealed class RemoteIpStartupFilter : IStartupFilter
{
    public const string Header = "X-Test-Remote-Ip";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = IPAddress.TryParse(context.Request.Headers[Header], out var ip) ? ip : IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}
