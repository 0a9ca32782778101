using Linode.AspNetCore.Authentication;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Minimal-API helpers for Linode scopes.</summary>
public static class LinodeEndpointConventionBuilderExtensions
{
    /// <summary>Requires an authenticated user whose granted Linode scopes cover <paramref name="scopes"/>:
    /// <c>app.MapPost("/linodes", ...).RequireLinodeScope(LinodeScopes.Linodes.ReadWrite)</c>.</summary>
    /// <typeparam name="TBuilder">The endpoint builder type.</typeparam>
    /// <param name="builder">The endpoint builder.</param>
    /// <param name="scopes">The required scopes.</param>
    /// <returns>The builder.</returns>
    public static TBuilder RequireLinodeScope<TBuilder>(this TBuilder builder, params string[] scopes)
        where TBuilder : IEndpointConventionBuilder => builder.RequireLinodeScope(stepUp: false, scopes);

    /// <summary>Requires Linode scopes; with <paramref name="stepUp"/>, a user who lacks them is asked to consent to them.</summary>
    /// <typeparam name="TBuilder">The endpoint builder type.</typeparam>
    /// <param name="builder">The endpoint builder.</param>
    /// <param name="stepUp">Whether to ask for the missing scopes instead of forbidding (needs <c>AddLinodeStepUpConsent()</c>).</param>
    /// <param name="scopes">The required scopes.</param>
    /// <returns>The builder.</returns>
    public static TBuilder RequireLinodeScope<TBuilder>(this TBuilder builder, bool stepUp, params string[] scopes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.RequireAuthorization(new LinodeScopeAttribute(scopes) { StepUp = stepUp });
    }
}
