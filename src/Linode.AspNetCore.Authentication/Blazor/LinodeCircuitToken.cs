using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// A circuit's copy of its user's access token, so that its API calls read the session store only when needed: the copy
/// serves while it belongs to the same session, is not due for refresh (nobody refreshes a token before it is due), has
/// not expired, and was read less than <see cref="LinodeBlazorOptions.RevalidationInterval"/> ago (the staleness the
/// circuit's revalidation allows anyway). Otherwise one session read (and a refresh when due) renews it. One per circuit.
/// </summary>
internal sealed class LinodeCircuitToken(LinodeUserTokens tokens, IOptions<LinodeBlazorOptions> blazor, TimeProvider time)
{
    private Copy? _copy;

    public async Task<string> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var handle = user.FindFirst(LinodeSessionHandle.ClaimType)?.Value;
        var now = time.GetUtcNow();
        if (Volatile.Read(ref _copy) is { } copy && handle is not null && string.Equals(copy.Handle, handle, StringComparison.Ordinal) && copy.IsCurrent(now, blazor.Value.RevalidationInterval))
        {
            return copy.Current.AccessToken;
        }

        var current = await tokens.GetCurrentAsync(user, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _copy, handle is null ? null : new Copy(handle, current, now));
        return current.AccessToken;
    }

    /// <summary>Ends the session of the copy's user (Linode refused its token: revoked, or ended elsewhere) and forgets
    /// the copy; the circuit's revalidation then makes its user anonymous.</summary>
    public async Task EndSessionAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _copy, null) is { } copy)
        {
            await tokens.EndSessionAsync(copy.Handle, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed record Copy(string Handle, LinodeCurrentToken Current, DateTimeOffset ReadAt)
    {
        public bool IsCurrent(DateTimeOffset now, TimeSpan interval) =>
            now - ReadAt < interval
            && Current.ExpiresAt is { } expiresAt && now < expiresAt
            && !LinodeRefreshRule.IsDue(Current.Options, expiresAt, now);
    }
}
