using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Methods;

public static class MethodServiceCollectionExtensions
{
    /// <summary>
    /// Registers a method and its Identity token provider under <paramref name="name"/>: the challenge, /Security, the
    /// admin pages and the admin reset then find it through <see cref="EnrolledMethods"/>, with nothing else to change.
    /// </summary>
    public static IServiceCollection AddSecondFactorMethod<TMethod, TProvider>(this IServiceCollection services, string name)
        where TMethod : class, ISecondFactorMethod
        where TProvider : class, IUserTwoFactorTokenProvider<ApplicationUser>
    {
        services.AddScoped<TMethod>();
        services.AddScoped<ISecondFactorMethod>(provider => provider.GetRequiredService<TMethod>());
        services.AddScoped<TProvider>();
        services.Configure<IdentityOptions>(o => o.Tokens.ProviderMap[name] = new TokenProviderDescriptor(typeof(TProvider)));
        return services;
    }
}
