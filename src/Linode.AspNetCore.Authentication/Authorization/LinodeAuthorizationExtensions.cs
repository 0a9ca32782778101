using Linode.AspNetCore.Authentication;

using Microsoft.AspNetCore.Authorization;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Policy-builder helpers for Linode scopes.</summary>
public static class LinodeAuthorizationExtensions
{
    /// <summary>Requires granted Linode scopes covering <paramref name="scopes"/>: <c>policy.RequireLinodeScope(LinodeScopes.Linodes.ReadWrite)</c>.</summary>
    /// <param name="builder">The policy builder.</param>
    /// <param name="scopes">The required scopes.</param>
    /// <returns>The builder.</returns>
    public static AuthorizationPolicyBuilder RequireLinodeScope(this AuthorizationPolicyBuilder builder, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddRequirements(new LinodeScopeRequirement(scopes));
    }

    /// <summary>Requires granted Linode scopes covering <paramref name="scopes"/>; with <paramref name="stepUp"/>, a user who lacks
    /// them is asked to consent to them (needs <c>AddLinodeStepUpConsent()</c>).</summary>
    /// <param name="builder">The policy builder.</param>
    /// <param name="stepUp">Whether to ask for the missing scopes instead of forbidding.</param>
    /// <param name="scopes">The required scopes.</param>
    /// <returns>The builder.</returns>
    public static AuthorizationPolicyBuilder RequireLinodeScope(this AuthorizationPolicyBuilder builder, bool stepUp, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddRequirements(new LinodeScopeRequirement(scopes, stepUp));
    }
}
