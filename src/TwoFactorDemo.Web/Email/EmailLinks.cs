using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Hosting;

namespace TwoFactorDemo.Web.Email;

/// <summary>
/// Absolute links for mails. With <c>Email:LinkBaseUrl</c> set, links never depend on the request's Host
/// header (which an attacker controls: "password reset poisoning"); without it they use the request's host,
/// which is fine on localhost and behind a proxy that fixes the host (or with AllowedHosts).
/// </summary>
public sealed class EmailLinks(IHttpContextAccessor http, IOptions<EmailOptions> options)
{
    public string Absolute(string path, params (string Name, string Value)[] query)
    {
        var request = http.HttpContext?.Request ?? throw new InvalidOperationException("Links are built while handling a request.");
        var baseUrl = options.Value.LinkBaseUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase).TrimEnd('/');
        var queryString = query.Aggregate(QueryString.Empty, (q, p) => q.Add(p.Name, p.Value));
        return baseUrl + path + queryString;
    }
}
