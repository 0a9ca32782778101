using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// Events of the Linode handler: everything <see cref="OAuthEvents"/> offers, plus the outcome of token revocation.
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

    /// <summary>Invoked after a token revocation was attempted.</summary>
    /// <param name="context">The revocation context.</param>
    /// <returns>A task.</returns>
    public virtual Task TokenRevoked(LinodeTokenRevokedContext context) => OnTokenRevoked(context);
}
