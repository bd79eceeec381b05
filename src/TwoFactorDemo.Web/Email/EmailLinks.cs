using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace TwoFactorDemo.Web.Email;

/// <summary>
/// Absolute links for mails. They never come from the request: its Host and X-Forwarded-Host headers are the
/// attacker's to set ("password reset poisoning"). The base is <c>Email:LinkBaseUrl</c> (required outside
/// Development); in Development without it, the first address the app listens on (localhost for a wildcard).
/// </summary>
public sealed class EmailLinks(IOptions<EmailOptions> options, IServer server)
{
    public string Absolute(string path, params (string Name, string Value)[] query)
    {
        var queryString = query.Aggregate(QueryString.Empty, (q, p) => q.Add(p.Name, p.Value));
        return BaseUrl() + path + queryString;
    }

    private string BaseUrl()
    {
        if (options.Value.LinkBaseUrl is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        return listening.Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost").Replace("://+", "://localhost")
            .Replace("://*", "://localhost").TrimEnd('/');
    }
}
