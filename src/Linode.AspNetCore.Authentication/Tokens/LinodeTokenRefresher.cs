using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// Automatic refresh of a Linode ticket's tokens: while its cookie is validated, or when <see cref="LinodeUserTokens"/>
/// reads a server-side session outside a request. The not-due path reads two ticket items
/// and compares times: no I/O, no allocation. A due refresh is single-flight per refresh token: concurrent requests of one
/// session share one call to Linode, and requests that still carry the old cookie afterwards reuse its result (Linode
/// rotates refresh tokens, so a second call with the old one would be refused). A request waits for the call at most
/// <see cref="LinodeOptions.TokenRefreshTimeout"/> and otherwise goes on with the current token; after a failure the
/// session backs off. Every one of those decisions is <see cref="LinodeRefreshRule"/>'s; this class carries them out. The
/// flights are per process.
/// </summary>
internal sealed class LinodeTokenRefresher
{
    private readonly ConcurrentDictionary<string, LinodeRefreshFlight> _flights = new(StringComparer.Ordinal);
    private readonly IOptionsMonitor<LinodeOptions> _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly IAuthenticationSchemeProvider _schemes;
    private readonly ILinodeTokenRefreshSynchronization _synchronization;

    public LinodeTokenRefresher(
        IOptionsMonitor<LinodeOptions> options, ILogger<LinodeTokenRefresher> logger, TimeProvider time, IAuthenticationSchemeProvider schemes, ILinodeTokenRefreshSynchronization synchronization)
    {
        _options = options;
        _schemes = schemes;
        _synchronization = synchronization;
        _logger = logger;
        _time = time;
    }

    /// <summary>Refreshes the ticket's tokens when automatic refresh is on and the access token expires within the window.</summary>
    /// <returns>The outcome, or null when nothing was due, the session is backing off, or the refresh is still running; and,
    /// when Linode refused the refresh token, whether this request is the one that revokes the session's access token
    /// (one request of the refresh in this process, and only on the instance whose grant Linode refused).</returns>
    public async Task<(LinodeTokenRefreshResult Result, bool Revokes)?> RefreshIfDueAsync(LinodeTicketUnderRefresh context, string scheme)
    {
        var options = _options.Get(scheme);
        var properties = context.Properties;
        if (LinodeSavedTokens.ExpiresAt(properties) is not { } expiresAt || !LinodeRefreshRule.IsDue(options, expiresAt, _time.GetUtcNow()))
        {
            return null;
        }

        if (LinodeSavedTokens.RefreshToken(properties) is not { Length: > 0 } refreshToken)
        {
            LinodeLog.NoRefreshToken(_logger, scheme);
            return null;
        }

        var flight = JoinFlight(scheme, options, refreshToken, expiresAt);
        if (flight is null || !await WaitAsync(flight, scheme, options).ConfigureAwait(false))
        {
            return null;
        }

        var refreshed = await flight.Task.ConfigureAwait(false);
        if (flight.ClaimEvent())
        {
            await RaiseAsync(context, scheme, options, refreshed.Result).ConfigureAwait(false);
        }

        // A rejected refresh token ends the session: the caller (the session events) rejects the principal and signs out.
        // Every request of the session does, but the token is revoked once, by the instance whose grant Linode refused.
        if (refreshed.Result.Outcome == LinodeTokenRefreshOutcome.Rejected && refreshed.IsUncoordinated && _time.GetUtcNow() < expiresAt)
        {
            // Without coordination another instance may have used this refresh token a moment ago; its response carries
            // the new tokens. This request keeps the session and its still valid access token (not renewed).
            LinodeLog.RejectedUncoordinatedRefreshKeepsSession(_logger, scheme, expiresAt);
            return null;
        }

        if (refreshed.Result.Outcome == LinodeTokenRefreshOutcome.Rejected)
        {
            var first = flight.ClaimSignOut();
            if (first)
            {
                LinodeLog.SigningOutAfterRejectedRefresh(_logger, scheme, refreshed.Result.IsFromAnotherInstance ? "another instance's" : "this instance's");
            }

            return (refreshed.Result, first && !refreshed.Result.IsFromAnotherInstance);
        }

        if (refreshed.Result.Outcome == LinodeTokenRefreshOutcome.Refreshed)
        {
            Apply(context, options, scheme, refreshed);
            flight.Applied = true;
        }

        return (refreshed.Result, false);
    }

    /// <summary>The session's current flight, a new one when none runs or the back-off is over, or null while backing off.</summary>
    private LinodeRefreshFlight? JoinFlight(string scheme, LinodeOptions options, string refreshToken, DateTimeOffset expiresAt)
    {
        var now = _time.GetUtcNow();
        foreach (var (key, stale) in _flights)
        {
            if (stale.IsStale(now, LinodeRefreshRule.ReuseWindow))
            {
                _flights.TryRemove(KeyValuePair.Create(key, stale));
            }
        }

        while (true)
        {
            _flights.TryGetValue(refreshToken, out var existing);
            var step = LinodeRefreshRule.Next(existing, now);
            if (step.Kind == LinodeRefreshStepKind.Join)
            {
                return existing;
            }

            if (step.Kind == LinodeRefreshStepKind.BackOff)
            {
                return null;
            }

            var fresh = NewFlight(now, step.FailuresInARow, scheme, options, refreshToken, expiresAt);
            if (existing is null ? _flights.TryAdd(refreshToken, fresh) : _flights.TryUpdate(refreshToken, fresh, existing))
            {
                return fresh;
            }
        }
    }

    private LinodeRefreshFlight NewFlight(DateTimeOffset now, int earlierFailures, string scheme, LinodeOptions options, string refreshToken, DateTimeOffset expiresAt) =>
        new(now, earlierFailures, flight => CompleteAsync(flight, scheme, expiresAt, _synchronization.RefreshOnceAsync(scheme, RefreshKey(refreshToken), () => RunAsync(scheme, options, refreshToken))));

    /// <summary>What identifies a refresh token to other participants: its SHA-256, never the token.</summary>
    private static string RefreshKey(string refreshToken) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(refreshToken)));

    /// <summary>Waits for the flight until <see cref="LinodeOptions.TokenRefreshTimeout"/> after it started.</summary>
    /// <returns>Whether it completed in time.</returns>
    private async Task<bool> WaitAsync(LinodeRefreshFlight flight, string scheme, LinodeOptions options)
    {
        var task = flight.Task;
        if (task.IsCompleted)
        {
            return true;
        }

        var remaining = LinodeRefreshRule.WaitLeft(flight, options, _time.GetUtcNow());
        if (remaining > TimeSpan.Zero)
        {
            try
            {
                await task.WaitAsync(remaining, _time).ConfigureAwait(false);
                return true;
            }
            catch (TimeoutException)
            {
            }
        }

        LinodeLog.TokenRefreshStillRunning(_logger, scheme, options.TokenRefreshTimeout);
        return false;
    }

    /// <summary>Stamps the flight when its refresh (here or, through the synchronization, elsewhere) has ended: the time,
    /// and after a failure the session's back-off.</summary>
    private async Task<LinodeRefreshedTokens> CompleteAsync(LinodeRefreshFlight flight, string scheme, DateTimeOffset expiresAt, Task<LinodeRefreshedTokens> refresh)
    {
        var refreshed = await refresh.ConfigureAwait(false);
        flight.CompletedAt = _time.GetUtcNow();
        if (refreshed.Result.Outcome == LinodeTokenRefreshOutcome.Failed)
        {
            flight.RetryAt = LinodeRefreshRule.RetryAt(flight.CompletedAt, flight.EarlierFailures + 1, refreshed.RetryAfter, expiresAt);
            LinodeLog.TokenRefreshBackingOff(_logger, scheme, flight.RetryAt, flight.EarlierFailures + 1);
        }

        return refreshed;
    }

    private async Task<LinodeRefreshedTokens> RunAsync(string scheme, LinodeOptions options, string refreshToken)
    {
        var form = new[]
        {
            KeyValuePair.Create("grant_type", "refresh_token"),
            KeyValuePair.Create("refresh_token", refreshToken),
            KeyValuePair.Create("client_id", options.ClientId),
            KeyValuePair.Create("client_secret", options.ClientSecret),
        };

        // Not the request's token: other requests wait on this call, and cancelling it after Linode rotated the refresh
        // token would lose the session. BackchannelTimeout bounds it.
        using var response = await LinodeTokenEndpoint.PostAsync(options, "refresh", form, _logger, CancellationToken.None).ConfigureAwait(false);
        return Interpret(scheme, response);
    }

    private LinodeRefreshedTokens Interpret(string scheme, Microsoft.AspNetCore.Authentication.OAuth.OAuthTokenResponse response)
    {
        if (response.Error is { } failure)
        {
            var error = failure as LinodeAuthenticationFailureException;
            var status = error?.StatusCode;
            var code = error?.Error;
            if (string.Equals(code, "invalid_grant", StringComparison.Ordinal))
            {
                LinodeLog.TokenRefreshRejected(_logger, scheme, status, code);
                return new(new LinodeTokenRefreshResult(scheme, LinodeTokenRefreshOutcome.Rejected, statusCode: status, error: code), null, null, null, null);
            }

            LinodeLog.TokenRefreshFailed(_logger, scheme, status, LinodeFailure.CodeOrNull(code) ?? "none");
            return new(new LinodeTokenRefreshResult(scheme, LinodeTokenRefreshOutcome.Failed, statusCode: status, error: code), null, null, null, null)
            {
                RetryAfter = error?.RetryAfter,
            };
        }

        var seconds = int.TryParse(response.ExpiresIn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 7200;
        var expiresAt = _time.GetUtcNow().AddSeconds(seconds);
        var granted = LinodeGrantedScopes.Read(response.Response!.RootElement, out var present);
        LinodeLog.TokenRefreshed(_logger, scheme, expiresAt);
        return new(
            new LinodeTokenRefreshResult(scheme, LinodeTokenRefreshOutcome.Refreshed, expiresAt),
            response.AccessToken,
            string.IsNullOrEmpty(response.RefreshToken) ? null : response.RefreshToken,
            response.TokenType,
            present ? granted : null);
    }

    private static void Apply(LinodeTicketUnderRefresh context, LinodeOptions options, string scheme, LinodeRefreshedTokens refreshed)
    {
        var properties = context.Properties;
        var tokens = properties.GetTokens().ToDictionary(token => token.Name, token => token.Value, StringComparer.Ordinal);
        tokens["access_token"] = refreshed.AccessToken!;
        tokens["expires_at"] = refreshed.Result.ExpiresAt!.Value.ToString("o", CultureInfo.InvariantCulture);
        if (refreshed.RefreshToken is not null)
        {
            tokens["refresh_token"] = refreshed.RefreshToken;
        }

        if (refreshed.TokenType is not null)
        {
            tokens["token_type"] = refreshed.TokenType;
        }

        properties.StoreTokens(tokens.Select(pair => new AuthenticationToken { Name = pair.Key, Value = pair.Value }));
        if (refreshed.GrantedScopes is { } granted && context.Principal is { } principal && ScopesChanged(principal, granted))
        {
            context.Principal = WithScopes(principal, granted, options.ClaimsIssuer ?? scheme);
        }

        context.ShouldRenew = true;
    }

    private static bool ScopesChanged(ClaimsPrincipal principal, LinodeScopeSet granted)
    {
        var current = principal.FindAll(LinodeClaimTypes.Scope).Select(claim => claim.Value).ToHashSet(StringComparer.Ordinal);
        return !current.SetEquals(granted.Select(scope => scope.Value));
    }

    private static ClaimsPrincipal WithScopes(ClaimsPrincipal principal, LinodeScopeSet granted, string issuer)
    {
        var identities = principal.Identities.Select(identity => identity.Clone()).ToList();
        foreach (var identity in identities)
        {
            foreach (var claim in identity.FindAll(LinodeClaimTypes.Scope).ToList())
            {
                identity.RemoveClaim(claim);
            }
        }

        var target = identities.FirstOrDefault(identity => identity.IsAuthenticated) ?? identities[0];
        target.AddClaims(granted.Select(scope => new Claim(LinodeClaimTypes.Scope, scope.Value, ClaimValueTypes.String, issuer)));
        return new ClaimsPrincipal(identities);
    }

    private async Task RaiseAsync(LinodeTicketUnderRefresh context, string scheme, LinodeOptions options, LinodeTokenRefreshResult result)
    {
        try
        {
            var authenticationScheme = await _schemes.GetSchemeAsync(scheme).ConfigureAwait(false);
            await LinodeEventsResolver.Resolve(context.HttpContext, options).TokenRefreshed(new LinodeTokenRefreshedContext(context.HttpContext, authenticationScheme!, options, result)).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // An app's event handler must not break the refresh that other requests wait on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LinodeLog.TokenRefreshedHandlerFailed(_logger, scheme, exception);
        }
    }
}
