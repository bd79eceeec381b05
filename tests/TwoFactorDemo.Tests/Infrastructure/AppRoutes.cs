using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TwoFactorDemo.Tests.Infrastructure;

/// <summary>One route of the app: a method, its template ("/Admin/Users/{id}"), and whether a controller action answers it.</summary>
public sealed record AppRoute(string Method, string Template, bool IsAction);

/// <summary>The app's routes, read from its endpoint data source: attribute routes as written, conventional ones as /area/controller/action.</summary>
public static class AppRoutes
{
    public static List<AppRoute> Of(IServiceProvider services)
    {
        var routes = new HashSet<AppRoute>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern;
            string template;
            if (pattern.RawText?.Contains("{controller", StringComparison.Ordinal) == true)
            {
                if (pattern.RequiredValues.GetValueOrDefault("controller") is not string controller || pattern.RequiredValues.GetValueOrDefault("action") is not string action)
                {
                    continue;
                }
                template = (pattern.RequiredValues.GetValueOrDefault("area") is string { Length: > 0 } area ? $"/{area}" : "") + $"/{controller}/{action}";
            }
            else
            {
                template = "/" + (pattern.RawText ?? "").TrimStart('/');
            }
            var isAction = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is not null;
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"])
            {
                routes.Add(new AppRoute(method, template, isAction));
            }
        }
        return [.. routes.OrderBy(r => r.Template).ThenBy(r => r.Method)];
    }
}
