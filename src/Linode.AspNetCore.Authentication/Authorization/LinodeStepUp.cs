using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// Incremental consent: asks Linode again for the union of what the user already granted and what is missing, coming
/// back to the page that needed it, so earlier grants are kept. The request remembers what it asked for in the ticket, so
/// that when Linode grants less (the user unticked a scope or declined) the user is forbidden instead of sent around again.
/// The explicit API is <c>HttpContext.ChallengeForScopesAsync</c>.
/// </summary>
internal static class LinodeStepUp
{
    /// <summary>The ticket item holding the scopes the last step-up asked for (comma-separated).</summary>
    public const string RequestedScopesKey = "linode:step_up";

    /// <summary>The forbid-properties item holding the scopes a forbidden user lacks (comma-separated).</summary>
    public const string MissingScopesKey = "linode:missing_scopes";

    /// <summary>The scopes the user granted, from their <see cref="LinodeClaimTypes.Scope"/> claims.</summary>
    internal static LinodeScopeSet GrantedScopes(System.Security.Claims.ClaimsPrincipal user) =>
        LinodeScopes.Parse(user.FindAll(LinodeClaimTypes.Scope).Select(claim => claim.Value));

    /// <summary>The challenge properties of a step-up: the union of granted and missing scopes, the return URL (already
    /// checked to be local, or null for the current URL), the loop-guard marker.</summary>
    internal static OAuthChallengeProperties Properties(HttpContext context, LinodeScopeSet missing, string? returnUrl)
    {
        var granted = GrantedScopes(context.User);
        var properties = new OAuthChallengeProperties
        {
            Scope = granted.Union(missing).Select(scope => scope.Value).ToList(),
            // Without one, the OAuth handler comes back to the current URL.
            RedirectUri = returnUrl,
        };
        properties.Items[RequestedScopesKey] = missing.ToString(",");
        return properties;
    }
}
