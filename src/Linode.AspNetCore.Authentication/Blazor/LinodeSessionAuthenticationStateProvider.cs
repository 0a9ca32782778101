using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// A circuit's authentication state that ends with the user's server-side session: every
/// <see cref="LinodeBlazorOptions.RevalidationInterval"/> it asks the session store whether the session still exists,
/// and makes the circuit's user anonymous when it does not (signed out in another tab or on another instance, refresh
/// refused, expired). <c>&lt;AuthorizeView&gt;</c> then shows it, and the circuit's Linode API calls have no user to act for.
/// </summary>
internal sealed class LinodeSessionAuthenticationStateProvider(ILoggerFactory loggers, IOptions<LinodeBlazorOptions> options, LinodeUserTokens tokens)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : options.Value.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        authenticationState.User.Identity?.IsAuthenticated != true ? Task.FromResult(true) : tokens.IsSessionActiveAsync(authenticationState.User, cancellationToken);
}
