using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// Hooks every cookie scheme's <c>OnSigningOut</c>: when the ticket being signed out was issued by a Linode scheme
/// with <see cref="LinodeOptions.RevokeTokenOnSignOut"/> on, its saved access token is revoked before the cookie is
/// cleared. The app's own <c>OnSigningOut</c> still runs afterwards. Apps that set <c>EventsType</c> on the cookie call
/// <c>HttpContext.RevokeLinodeTokenAsync()</c> from their events instead.
/// </summary>
internal sealed class LinodeSignOutCookieSetup : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        var appHandler = options.Events.OnSigningOut;
        options.Events.OnSigningOut = async context =>
        {
            await RevokeAsync(context).ConfigureAwait(false);
            await appHandler(context).ConfigureAwait(false);
        };
    }

    private static async Task RevokeAsync(CookieSigningOutContext context)
    {
        // The cookie handler caches what it read from the request, so this costs no second decryption.
        var current = await context.HttpContext.AuthenticateAsync(context.Scheme.Name).ConfigureAwait(false);
        if (current.Succeeded && current.Properties is { } properties)
        {
            var revoker = context.HttpContext.RequestServices.GetRequiredService<LinodeTokenRevoker>();
            await revoker.RevokeTicketAsync(context.HttpContext, properties, onSignOut: true).ConfigureAwait(false);
        }
    }
}
