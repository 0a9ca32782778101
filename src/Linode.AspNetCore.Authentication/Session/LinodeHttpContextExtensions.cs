using Linode.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Http;

/// <summary>
/// <see cref="HttpContext"/> helpers for the signed-in Linode user: ask for more scopes, read the access token, revoke it.
/// </summary>
public static class LinodeHttpContextExtensions
{
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

        var ticket = await Authentication.AuthenticationHttpContextExtensions.AuthenticateAsync(context).ConfigureAwait(false);
        var linodeScheme = scheme
            ?? (ticket.Properties is { } properties ? context.RequestServices.GetRequiredService<LinodeSchemeNames>().SchemeOf(properties) : null)
            ?? LinodeDefaults.AuthenticationScheme;
        await Authentication.AuthenticationHttpContextExtensions.ChallengeAsync(context, linodeScheme, LinodeStepUp.Properties(context, LinodeScopes.Parse(scopes), returnUrl)).ConfigureAwait(false);
    }

    /// <summary>
    /// Revokes the Linode access token saved in the current user's ticket of <paramref name="signInScheme"/>, without
    /// signing the user out. Useful for apps that want to end Linode access explicitly (a "disconnect" button) or that
    /// set <c>EventsType</c> on their cookie.
    /// </summary>
    /// <param name="context">The HTTP context.</param>
    /// <param name="signInScheme">The scheme holding the ticket (the cookie); null for the default authenticate scheme.</param>
    /// <returns>The outcome; <see cref="LinodeTokenRevocationOutcome.Skipped"/> when the user is not signed in with Linode.</returns>
    public static async Task<LinodeTokenRevocationResult> RevokeLinodeTokenAsync(this HttpContext context, string? signInScheme = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var current = await Authentication.AuthenticationHttpContextExtensions.AuthenticateAsync(context, signInScheme).ConfigureAwait(false);
        if (current.Succeeded && current.Properties is { } properties)
        {
            var revocation = context.RequestServices.GetRequiredService<LinodeTicketRevocation>();
            if (await revocation.RevokeTicketAsync(context, properties, onSignOut: false).ConfigureAwait(false) is { } result)
            {
                return result;
            }
        }

        return new LinodeTokenRevocationResult(signInScheme ?? string.Empty, LinodeTokenRevocationOutcome.Skipped, error: "not_signed_in_with_linode");
    }

    /// <summary>
    /// The signed-in Linode user's current access token, for calls outside <c>HttpClient</c>. Authenticating the ticket
    /// refreshes it first when <see cref="LinodeOptions.AutomaticTokenRefresh"/> is on and it is due.
    /// </summary>
    /// <param name="context">The HTTP context.</param>
    /// <param name="signInScheme">The scheme holding the ticket (the cookie); null for the default authenticate scheme.</param>
    /// <returns>The access token, or null when the user is not signed in with Linode or no token was saved.</returns>
    public static async Task<string?> GetLinodeAccessTokenAsync(this HttpContext context, string? signInScheme = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var current = await Authentication.AuthenticationHttpContextExtensions.AuthenticateAsync(context, signInScheme).ConfigureAwait(false);
        return current.Succeeded && current.Properties is { } properties && context.RequestServices.GetRequiredService<LinodeSchemeNames>().SchemeOf(properties) is not null
            ? LinodeSavedTokens.AccessToken(properties)
            : null;
    }
}
