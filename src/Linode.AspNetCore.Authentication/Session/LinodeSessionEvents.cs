using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// Hooks the events of the cookie schemes that a Linode scheme signs in to (its <c>SignInScheme</c>, else the default
/// sign-in scheme), in front of the app's own handlers; every other cookie scheme (Identity's, say) is left untouched:
/// <list type="bullet">
/// <item><c>OnValidatePrincipal</c>: for a ticket a Linode scheme issued, refreshes the tokens when automatic refresh is
/// on and they are due; when Linode refuses the refresh token, rejects the principal and signs out.</item>
/// <item><c>OnSigningIn</c>: when a new sign-in replaces a Linode ticket of this request, revokes the old ticket's token.</item>
/// <item><c>OnSigningOut</c>: revokes the ticket's access token when its scheme has
/// <see cref="LinodeOptions.RevokeTokenOnSignOut"/> on.</item>
/// <item><c>OnRedirectToAccessDenied</c>: adds the missing Linode scopes as <c>missing_scopes</c>.</item>
/// </list>
/// The ticket a sign-out or sign-in replaces is read when that happens (from the request's authenticate result, which
/// the authentication middleware already keeps): requests that never sign out store nothing. Only while the cookie is
/// being validated, where authenticating again would recurse, is it remembered on the request: before the package's own
/// sign-out, and on every validation when the app has its own <c>OnValidatePrincipal</c> (which may sign out, Microsoft's
/// documented pattern). Apps that set <c>EventsType</c> on the cookie bypass these delegates; they call
/// <c>HttpContext.RevokeLinodeTokenAsync()</c> from their own events instead.
/// </summary>
internal sealed class LinodeSessionEvents : IPostConfigureOptions<CookieAuthenticationOptions>
{
    private static readonly object Revoked = new();
    private static readonly Func<CookieValidatePrincipalContext, Task> DefaultValidatePrincipal = new CookieAuthenticationEvents().OnValidatePrincipal;
    private readonly LinodeSchemeNames _schemes;
    private readonly LinodeTokenRefresher _refresher;
    private readonly LinodeTicketRevocation _revocation;

    public LinodeSessionEvents(LinodeSchemeNames schemes, LinodeTokenRefresher refresher, LinodeTicketRevocation revocation)
    {
        _schemes = schemes;
        _refresher = refresher;
        _revocation = revocation;
    }

    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name is null || !_schemes.IsSignInSchemeOfLinode(name))
        {
            return;
        }

        // One key object per cookie scheme, for the rare requests that must remember the ticket.
        var ticketKey = new object();

        var appValidatePrincipal = options.Events.OnValidatePrincipal;
        var appMaySignOutWhileValidating = !ReferenceEquals(appValidatePrincipal, DefaultValidatePrincipal);
        options.Events.OnValidatePrincipal = async context =>
        {
            if (context.Properties is { } properties && _schemes.SchemeOf(properties) is { } scheme)
            {
                if (appMaySignOutWhileValidating)
                {
                    context.HttpContext.Items[ticketKey] = properties;
                }

                var ticket = LinodeTicketUnderRefresh.Of(context);
                var refreshed = await _refresher.RefreshIfDueAsync(ticket, scheme).ConfigureAwait(false);
                ticket.ApplyTo(context);
                if (refreshed is ({ Outcome: LinodeTokenRefreshOutcome.Rejected }, var revokes))
                {
                    // One request of the refused refresh revokes the token; the others only sign out.
                    context.HttpContext.Items[ticketKey] = revokes ? properties : Revoked;
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(context.Scheme.Name).ConfigureAwait(false);
                    return;
                }
            }

            await appValidatePrincipal(context).ConfigureAwait(false);
        };

        // A user forbidden for missing Linode scopes lands on the access-denied page with those scopes named; an app that
        // has no such page (and no redirect of its own) answers 403 naming them instead of redirecting to a 404.
        var appRedirectToAccessDenied = options.Events.OnRedirectToAccessDenied;
        var platformRedirect = appRedirectToAccessDenied.Equals(new CookieAuthenticationEvents().OnRedirectToAccessDenied);
        options.Events.OnRedirectToAccessDenied = context =>
        {
            if (LinodeMissingScopes.Of(context.HttpContext, context.Properties) is { } missing)
            {
                if (platformRedirect && !LinodeAccessDeniedPage.Exists(context.HttpContext, context.Options.AccessDeniedPath))
                {
                    return LinodeAccessDeniedPage.WriteForbiddenAsync(context.HttpContext, missing);
                }

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
            await _revocation.RevokeTicketAsync(context.HttpContext, previous, onSignOut: true).ConfigureAwait(false);
        }
    }

    private async Task RevokeAsync(CookieSigningOutContext context, object ticketKey)
    {
        var properties = await TicketOfRequestAsync(context.HttpContext, context.Scheme.Name, ticketKey).ConfigureAwait(false);
        context.HttpContext.Items[ticketKey] = Revoked;
        if (properties is not null)
        {
            await _revocation.RevokeTicketAsync(context.HttpContext, properties, onSignOut: true).ConfigureAwait(false);
            if (context.Options.SessionStore is LinodeDistributedTicketStore store && LinodeSavedTokens.AccessToken(properties) is { } accessToken)
            {
                await store.NoteRevokedAsync(context.HttpContext, accessToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The properties of the ticket this request carries for the cookie scheme: the one remembered during
    /// validation, else the request's authenticate result when it is this scheme's, else read now (the cookie handler
    /// caches what it reads); null when none, or when its token was already revoked in this request.</summary>
    private static async Task<AuthenticationProperties?> TicketOfRequestAsync(HttpContext context, string cookieScheme, object ticketKey)
    {
        if (context.Items.TryGetValue(ticketKey, out var remembered))
        {
            return remembered as AuthenticationProperties;
        }

        if (context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Ticket is { } ticket
            && string.Equals(ticket.AuthenticationScheme, cookieScheme, StringComparison.Ordinal))
        {
            return ticket.Properties;
        }

        return (await context.AuthenticateAsync(cookieScheme).ConfigureAwait(false)).Properties;
    }
}
