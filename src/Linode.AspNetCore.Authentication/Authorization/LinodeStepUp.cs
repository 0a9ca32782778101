using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// Incremental consent: asks Linode again for the union of what the user already granted and what is missing, coming
/// back to the page that needed it, so earlier grants are kept. The request remembers what it asked for in the ticket, so
/// that when Linode grants less (the user unticked a scope or declined) the user is forbidden instead of sent around again.
/// </summary>
public static class LinodeStepUp
{
    /// <summary>The ticket item holding the scopes the last step-up asked for (comma-separated).</summary>
    public const string RequestedScopesKey = "linode:step_up";

    /// <summary>The forbid-properties item holding the scopes a forbidden user lacks (comma-separated).</summary>
    public const string MissingScopesKey = "linode:missing_scopes";

    /// <summary>
    /// Challenges Linode for <paramref name="scopes"/> in addition to the current user's granted scopes (the explicit
    /// API behind a "Grant write access" button). Ignores the loop guard: the user asked for it.
    /// </summary>
    /// <param name="context">The HTTP context.</param>
    /// <param name="scopes">The scopes to add.</param>
    /// <param name="returnUrl">Where to come back to: a local URL by ASP.NET Core's <c>Url.IsLocalUrl</c> rule (non-ASCII
    /// characters are percent-encoded); the current URL when null or empty.</param>
    /// <param name="scheme">The Linode scheme; the one that signed the user in, else <see cref="LinodeDefaults.AuthenticationScheme"/>.</param>
    /// <returns>A task.</returns>
    /// <exception cref="ArgumentException"><paramref name="returnUrl"/> is not a local URL (nothing is sent to Linode).</exception>
    public static async Task ChallengeForScopesAsync(this HttpContext context, IEnumerable<string> scopes, string? returnUrl = null, string? scheme = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(scopes);
        if (!string.IsNullOrEmpty(returnUrl))
        {
            returnUrl = LinodeReturnUrl.Local(returnUrl, context.Request.PathBase)
                ?? throw new ArgumentException("The return URL must be a local URL (ASP.NET Core's Url.IsLocalUrl rule, at most 2048 characters).", nameof(returnUrl));
        }

        var ticket = await context.AuthenticateAsync().ConfigureAwait(false);
        var linodeScheme = scheme
            ?? (ticket.Properties is { } properties ? context.RequestServices.GetRequiredService<LinodeSchemeNames>().SchemeOf(properties) : null)
            ?? LinodeDefaults.AuthenticationScheme;
        await context.ChallengeAsync(linodeScheme, Properties(context, LinodeScopes.Parse(scopes), returnUrl)).ConfigureAwait(false);
    }

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
            RedirectUri = string.IsNullOrEmpty(returnUrl) ? context.Request.PathBase + context.Request.Path + context.Request.QueryString : returnUrl,
        };
        properties.Items[RequestedScopesKey] = missing.ToString(",");
        return properties;
    }
}
