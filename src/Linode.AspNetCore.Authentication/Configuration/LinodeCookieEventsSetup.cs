using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// Hooks every cookie scheme's events, in front of the app's own handlers:
/// <list type="bullet">
/// <item><c>OnValidatePrincipal</c>: for a ticket a Linode scheme issued, remembers its properties for this request
/// (the sign-out side needs them) and refreshes the tokens when automatic refresh is on and they are due.</item>
/// <item><c>OnSigningIn</c>: when a new sign-in replaces a Linode ticket of this request, revokes the old ticket's token.</item>
/// <item><c>OnSigningOut</c>: revokes the ticket's access token when its scheme has
/// <see cref="LinodeOptions.RevokeTokenOnSignOut"/> on. It never re-authenticates while the cookie is validating,
/// so an app may sign out from its own <c>OnValidatePrincipal</c> (Microsoft's documented pattern).</item>
/// </list>
/// Apps that set <c>EventsType</c> on the cookie bypass these delegates; they call
/// <c>HttpContext.RevokeLinodeTokenAsync()</c> from their own events instead.
/// </summary>
internal sealed class LinodeCookieEventsSetup : IPostConfigureOptions<CookieAuthenticationOptions>
{
    private static readonly object Revoked = new();
    private readonly LinodeSchemes _schemes;
    private readonly LinodeTokenRefresher _refresher;
    private readonly LinodeTokenRevoker _revoker;

    public LinodeCookieEventsSetup(LinodeSchemes schemes, LinodeTokenRefresher refresher, LinodeTokenRevoker revoker)
    {
        _schemes = schemes;
        _refresher = refresher;
        _revoker = revoker;
    }

    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        // One key object per cookie scheme: stashing costs no allocation per request.
        var ticketKey = new object();

        var appValidatePrincipal = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            if (context.Properties is { } properties && _schemes.SchemeOf(properties) is { } scheme)
            {
                context.HttpContext.Items[ticketKey] = properties;
                await _refresher.RefreshIfDueAsync(context, scheme).ConfigureAwait(false);
                if (context.Principal is null)
                {
                    return;
                }
            }

            await appValidatePrincipal(context).ConfigureAwait(false);
        };

        // A user forbidden for missing Linode scopes lands on the access-denied page with those scopes named.
        var appRedirectToAccessDenied = options.Events.OnRedirectToAccessDenied;
        options.Events.OnRedirectToAccessDenied = context =>
        {
            if (LinodeMissingScopes.Of(context.HttpContext, context.Properties) is { } missing)
            {
                context.RedirectUri = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(context.RedirectUri, "missing_scopes", missing);
            }

            return appRedirectToAccessDenied(context);
        };

        // A new Linode sign-in in a browser that already had one (a step-up, a second login) orphans the old token:
        // revoke it, as a sign-out would.
        var appSigningIn = options.Events.OnSigningIn;
        options.Events.OnSigningIn = async context =>
        {
            await RevokeSupersededAsync(context, ticketKey).ConfigureAwait(false);
            await appSigningIn(context).ConfigureAwait(false);
        };

        var appSigningOut = options.Events.OnSigningOut;
        options.Events.OnSigningOut = async context =>
        {
            await RevokeAsync(context, ticketKey).ConfigureAwait(false);
            await appSigningOut(context).ConfigureAwait(false);
        };
    }

    private async Task RevokeSupersededAsync(CookieSigningInContext context, object ticketKey)
    {
        // On a callback the remote handler signs in before the request's cookie was authenticated: the ticket is read then.
        var previous = await TicketOfRequestAsync(context.HttpContext, context.Scheme.Name, ticketKey).ConfigureAwait(false);
        if (previous is not null && _schemes.SchemeOf(previous) is not null
            && LinodeSavedTokens.AccessToken(previous) is { } previousToken
            && !string.Equals(previousToken, LinodeSavedTokens.AccessToken(context.Properties), StringComparison.Ordinal))
        {
            context.HttpContext.Items[ticketKey] = Revoked;
            await _revoker.RevokeTicketAsync(context.HttpContext, previous, onSignOut: true).ConfigureAwait(false);
        }
    }

    private async Task RevokeAsync(CookieSigningOutContext context, object ticketKey)
    {
        var properties = await TicketOfRequestAsync(context.HttpContext, context.Scheme.Name, ticketKey).ConfigureAwait(false);
        context.HttpContext.Items[ticketKey] = Revoked;
        if (properties is not null)
        {
            await _revoker.RevokeTicketAsync(context.HttpContext, properties, onSignOut: true).ConfigureAwait(false);
        }
    }

    /// <summary>The properties of the ticket this request carries for the cookie scheme: the one stashed while it was
    /// validated, else read now (the cookie handler caches what it reads); null when none, or when its token was already
    /// revoked in this request.</summary>
    private static async Task<AuthenticationProperties?> TicketOfRequestAsync(Microsoft.AspNetCore.Http.HttpContext context, string cookieScheme, object ticketKey)
    {
        var stashed = context.Items.TryGetValue(ticketKey, out var value) ? value : null;
        if (ReferenceEquals(stashed, Revoked))
        {
            return null;
        }

        return stashed as AuthenticationProperties
            ?? (await context.AuthenticateAsync(cookieScheme).ConfigureAwait(false)).Properties;
    }
}
