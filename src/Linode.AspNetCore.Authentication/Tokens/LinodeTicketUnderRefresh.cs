using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// The ticket a refresh works on, wherever it comes from: the cookie being validated on a request, or a server-side
/// session read by <see cref="LinodeUserTokens"/> outside any request (a Blazor circuit, a hosted service). The refresher
/// writes the new tokens into <see cref="Properties"/>, may replace <see cref="Principal"/> (new scopes), and sets
/// <see cref="ShouldRenew"/> when the ticket must be stored again.
/// </summary>
/// <param name="httpContext">The request, or a stand-in with the app's services outside one (for the app's events).</param>
/// <param name="properties">The ticket's properties, holding the saved tokens.</param>
/// <param name="principal">The ticket's principal.</param>
internal sealed class LinodeTicketUnderRefresh(HttpContext httpContext, AuthenticationProperties properties, ClaimsPrincipal? principal)
{
    public HttpContext HttpContext { get; } = httpContext;

    public AuthenticationProperties Properties { get; } = properties;

    public ClaimsPrincipal? Principal { get; set; } = principal;

    public bool ShouldRenew { get; set; }

    /// <summary>The ticket of a cookie being validated.</summary>
    public static LinodeTicketUnderRefresh Of(CookieValidatePrincipalContext context) => new(context.HttpContext, context.Properties, context.Principal);

    /// <summary>Gives the cookie being validated what the refresh changed.</summary>
    public void ApplyTo(CookieValidatePrincipalContext context)
    {
        if (!ReferenceEquals(Principal, context.Principal) && Principal is not null)
        {
            context.ReplacePrincipal(Principal);
        }

        context.ShouldRenew |= ShouldRenew;
    }
}
