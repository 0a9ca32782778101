using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// The signed-in Linode user's access token for code that has no request to read the cookie from: an interactive Blazor
/// component on its circuit, a hosted service following a deployment, a queue worker. It reads the user's server-side
/// session (<see cref="LinodeDistributedSessionExtensions.AddLinodeDistributedSessions"/>) through the same rules as a
/// request: a due token is refreshed once, shared with the session's requests, circuits and other instances (the refresh
/// synchronization), and stored back for them; a refresh Linode refuses ends the session everywhere and revokes its token;
/// a session that was signed out, expired or ended gives no token. Registered by <c>AddLinode</c>; a singleton.
/// </summary>
public sealed class LinodeUserTokens
{
    private readonly IServiceProvider _services;
    private readonly IDataProtectionProvider _protection;
    private readonly IOptionsMonitor<CookieAuthenticationOptions> _cookies;
    private readonly LinodeSchemeNames _schemes;
    private readonly LinodeTokenRefresher _refresher;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<LinodeOptions> _options;

    internal LinodeUserTokens(IServiceProvider services)
    {
        _services = services;
        _protection = services.GetRequiredService<IDataProtectionProvider>();
        _cookies = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();
        _schemes = services.GetRequiredService<LinodeSchemeNames>();
        _refresher = services.GetRequiredService<LinodeTokenRefresher>();
        _time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        _options = services.GetRequiredService<IOptionsMonitor<LinodeOptions>>();
    }

    /// <summary>The current access token of <paramref name="user"/>'s Linode session, refreshed first when it is due.</summary>
    /// <param name="user">A principal of a signed-in Linode user: <c>HttpContext.User</c> of any of its requests, the
    /// circuit's authentication state, or one a background job kept.</param>
    /// <param name="cancellationToken">Cancels reading the session (a refresh that started runs on for the others).</param>
    /// <returns>The access token.</returns>
    /// <exception cref="LinodeInvalidTokenException">No user is signed in, or the session has ended (signed out anywhere,
    /// expired, its refresh refused, or unreadable after the app's keys changed): the user must sign in again.</exception>
    /// <exception cref="InvalidOperationException">The user's cookie does not keep its session server side, so code
    /// outside a request cannot reach the tokens: the message names the line to add.</exception>
    public async Task<string> GetAccessTokenAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        (await GetCurrentAsync(user, cancellationToken).ConfigureAwait(false)).AccessToken;

    /// <summary>The session's current access token (refreshed first when due), when it expires, and the options of the
    /// Linode scheme that issued it: what a circuit needs to keep a copy for as long as it is current.</summary>
    internal async Task<LinodeCurrentToken> GetCurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var (cookieScheme, key) = Handle(user);
        var store = StoreOf(cookieScheme) ?? throw NotServerSide();
        var ticket = await store.ReadAsync(key, cancellationToken).ConfigureAwait(false);
        if (!IsLive(ticket) || _schemes.SchemeOf(ticket.Properties) is not { } scheme)
        {
            throw Ended();
        }

        var target = new LinodeTicketUnderRefresh(new DefaultHttpContext { RequestServices = _services }, ticket.Properties, ticket.Principal);
        var refreshed = await _refresher.RefreshIfDueAsync(target, scheme).ConfigureAwait(false);
        if (refreshed is ({ Outcome: LinodeTokenRefreshOutcome.Rejected }, var revokes))
        {
            // As a request would: the session ends everywhere, and one participant of the refused refresh revokes.
            if (revokes)
            {
                await _services.GetRequiredService<LinodeTicketRevocation>().RevokeTicketAsync(target.HttpContext, ticket.Properties, onSignOut: true).ConfigureAwait(false);
            }

            await store.RemoveAsync(key).ConfigureAwait(false);
            throw Ended();
        }

        if (target.ShouldRenew)
        {
            await store.RenewAsync(key, new AuthenticationTicket(target.Principal ?? ticket.Principal, target.Properties, ticket.AuthenticationScheme)).ConfigureAwait(false);
        }

        var accessToken = LinodeSavedTokens.AccessToken(target.Properties) ?? throw Ended();
        return new LinodeCurrentToken(accessToken, LinodeSavedTokens.ExpiresAt(target.Properties), _options.Get(scheme));
    }

    /// <summary>Ends the session a handle names, as a sign-out does (its marker, then its removal), without revoking: Linode
    /// already refused its token.</summary>
    internal async Task EndSessionAsync(string handle, CancellationToken cancellationToken)
    {
        if (LinodeSessionHandle.Read(handle, _protection) is var (cookieScheme, key) && StoreOf(cookieScheme) is { } store)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await store.RemoveAsync(key).ConfigureAwait(false);
        }
    }

    /// <summary>Whether <paramref name="user"/>'s server-side session still exists (not signed out, expired or ended by a
    /// refused refresh), read without refreshing anything. A principal that has no Linode session handle (signed in another
    /// way) is left alone: true.</summary>
    internal async Task<bool> IsSessionActiveAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.HasClaim(claim => claim.Type == LinodeSessionHandle.ClaimType))
        {
            return true;
        }

        if (LinodeSessionHandle.Read(user, _protection) is not var (cookieScheme, key) || StoreOf(cookieScheme) is not { } store)
        {
            return false;
        }

        return IsLive(await store.ReadAsync(key, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The server-side session store of a cookie scheme, or null when its sessions live in the browser.</summary>
    private LinodeDistributedTicketStore? StoreOf(string cookieScheme) => _cookies.Get(cookieScheme).SessionStore as LinodeDistributedTicketStore;

    /// <summary>Whether a session read from the store is one to use: found and not expired.</summary>
    private bool IsLive([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] AuthenticationTicket? ticket) =>
        ticket is not null && !(ticket.Properties.ExpiresUtc <= _time.GetUtcNow());

    private (string CookieScheme, string Key) Handle(ClaimsPrincipal user)
    {
        if (LinodeSessionHandle.Read(user, _protection) is { } handle)
        {
            return handle;
        }

        if (user.Identity?.IsAuthenticated != true)
        {
            throw new LinodeInvalidTokenException("No user is signed in with Linode.", null);
        }

        // A handle this app's keys cannot read: the session cannot be found any more.
        throw user.HasClaim(claim => claim.Type == LinodeSessionHandle.ClaimType) ? Ended() : NotServerSide();
    }

    private static LinodeInvalidTokenException Ended() =>
        new("The user's Linode session has ended (signed out, expired, or its refresh refused): they must sign in with Linode again.", null);

    private static InvalidOperationException NotServerSide() => new(
        "Outside a request (a Blazor circuit, a background service) the Linode tokens are read from the server-side session, and this user's cookie keeps none: add .AddLinodeDistributedSessions() after .AddCookie(...) (with an IDistributedCache: AddDistributedMemoryCache() for one instance, Redis for several), then sign in again.");
}
