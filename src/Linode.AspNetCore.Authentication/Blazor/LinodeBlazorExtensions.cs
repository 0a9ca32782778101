using Linode.AspNetCore.Authentication;
using Linode.AspNetCore.Authentication.Internal;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The Linode user's tokens in a Blazor Web App's interactive server components.</summary>
public static class LinodeBlazorExtensions
{
    /// <summary>
    /// Lets interactive server components act as the signed-in Linode user with no code beyond registration: a typed client
    /// registered with <c>AddLinodeUserAccessToken()</c> called from a circuit carries the circuit user's token (read from
    /// the server-side session, refreshed once when due, shared with the session's requests and other instances), and a
    /// session that ends anywhere makes the circuit's user anonymous within
    /// <see cref="LinodeBlazorOptions.RevalidationInterval"/>. Tokens never reach the browser. Needs server-side sessions:
    /// start-up fails, naming the line to add, when the cookie a Linode scheme signs in to does not have
    /// <c>.AddLinodeDistributedSessions()</c>. Interactive WebAssembly and Auto render modes are not supported (the browser
    /// must never hold a Linode token).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the revalidation interval.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddLinodeBlazor(this IServiceCollection services, Action<LinodeBlazorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<LinodeBlazorOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, LinodeCircuitServicesHandler>());
        services.AddScoped<AuthenticationStateProvider, LinodeSessionAuthenticationStateProvider>();
        services.TryAddScoped<LinodeCircuitToken>();
        services.TryAddSingleton(new LinodeBlazorRegistration());
        return services;
    }
}
