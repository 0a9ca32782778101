using Linode.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Opt-in to step-up consent for Linode scope requirements.</summary>
public static class LinodeStepUpServiceCollectionExtensions
{
    /// <summary>
    /// Lets <see cref="LinodeScopeRequirement"/>s marked for step-up send a signed-in Linode user who lacks a scope back to
    /// Linode for it (the union with what they granted, returning to the page), with a guard against loops. Replaces the
    /// <see cref="IAuthorizationMiddlewareResultHandler"/>; an app with its own calls <c>HttpContext.ChallengeForScopesAsync</c> instead.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddLinodeStepUpConsent(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddAuthorization();
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationMiddlewareResultHandler, LinodeStepUpResultHandler>());
        return services;
    }
}
