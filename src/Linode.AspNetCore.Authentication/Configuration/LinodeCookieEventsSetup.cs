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

    public LinodeCookieEventsSetup(LinodeSchemes schemes, LinodeTokenRefresher refresher)
    {
        _schemes = schemes;
        _refresher = refresher;
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

        var appSigningOut = options.Events.OnSigningOut;
        options.Events.OnSigningOut = async context =>
        {
            await RevokeAsync(context, ticketKey).ConfigureAwait(false);
            await appSigningOut(context).ConfigureAwait(false);
        };
    }

    private static async Task RevokeAsync(CookieSigningOutContext context, object ticketKey)
    {
        var items = context.HttpContext.Items;
        var stashed = items.TryGetValue(ticketKey, out var value) ? value : null;
        if (ReferenceEquals(stashed, Revoked))
        {
            return;
        }

        // Not validated in this request: read the ticket now (the cookie handler caches what it reads).
        var properties = stashed as AuthenticationProperties
            ?? (await context.HttpContext.AuthenticateAsync(context.Scheme.Name).ConfigureAwait(false)).Properties;
        items[ticketKey] = Revoked;
        if (properties is not null)
        {
            var revoker = context.HttpContext.RequestServices.GetRequiredService<LinodeTokenRevoker>();
            await revoker.RevokeTicketAsync(context.HttpContext, properties, onSignOut: true).ConfigureAwait(false);
        }
    }
}
