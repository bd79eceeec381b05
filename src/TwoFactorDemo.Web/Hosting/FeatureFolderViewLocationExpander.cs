using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace TwoFactorDemo.Web.Hosting;

/// <summary>
/// MVC feature folders: a controller in namespace <c>TwoFactorDemo.Web.Methods.Sms</c> finds its views in
/// <c>/Methods/Sms/Views/{controller}/{view}.cshtml</c> and <c>/Methods/Sms/Views/Shared/</c>, before the usual
/// <c>/Views/…</c>. The folder comes from the controller's namespace, which follows its folder, so a method's
/// controllers, view models and views sit together and a new method needs no registration for its views.
/// </summary>
public sealed class FeatureFolderViewLocationExpander : IViewLocationExpander
{
    private const string Key = "feature";
    private static readonly string RootNamespace = typeof(FeatureFolderViewLocationExpander).Namespace![..^".Hosting".Length];

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor { ControllerTypeInfo.Namespace: { } ns }
            && ns.StartsWith(RootNamespace + ".", StringComparison.Ordinal)
            && ns[(RootNamespace.Length + 1)..] is var folder
            && folder != "Controllers" && !folder.StartsWith("Areas.", StringComparison.Ordinal))
        {
            context.Values[Key] = "/" + folder.Replace('.', '/');
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.Values.TryGetValue(Key, out var feature) && feature is not null
            ? [feature + "/Views/{1}/{0}.cshtml", feature + "/Views/Shared/{0}.cshtml", .. viewLocations]
            : viewLocations;
}
