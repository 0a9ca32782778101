using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// Events of the Linode handler: everything <see cref="OAuthEvents"/> offers, plus the outcomes of token refresh and revocation.
/// By default a remote sign-in failure (denied consent without an <c>AccessDeniedPath</c>, a forged state, a Linode
/// error) is answered with a short plain-text 4xx page instead of an unhandled exception; set
/// <see cref="RemoteAuthenticationEvents.OnRemoteFailure"/> to render your own.
/// </summary>
public class LinodeEvents : OAuthEvents
{
    /// <summary>Initializes the events with the default remote-failure page.</summary>
    public LinodeEvents()
    {
        OnRemoteFailure = LinodeRemoteFailurePage.WriteAsync;
    }

    /// <summary>Invoked after a token revocation was attempted (on sign-out or through the explicit API), with its outcome.</summary>
    public Func<LinodeTokenRevokedContext, Task> OnTokenRevoked { get; set; } = _ => Task.CompletedTask;

    /// <summary>Invoked once per automatic token refresh (not once per request that waited on it), with its outcome.</summary>
    public Func<LinodeTokenRefreshedContext, Task> OnTokenRefreshed { get; set; } = _ => Task.CompletedTask;

    /// <summary>Invoked once per automatic token refresh.</summary>
    /// <param name="context">The refresh context.</param>
    /// <returns>A task.</returns>
    public virtual Task TokenRefreshed(LinodeTokenRefreshedContext context) => OnTokenRefreshed(context);

    /// <summary>Invoked after a token revocation was attempted.</summary>
    /// <param name="context">The revocation context.</param>
    /// <returns>A task.</returns>
    public virtual Task TokenRevoked(LinodeTokenRevokedContext context) => OnTokenRevoked(context);
}
