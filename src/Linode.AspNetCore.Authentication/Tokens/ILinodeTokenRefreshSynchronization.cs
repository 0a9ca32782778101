namespace Linode.AspNetCore.Authentication;

/// <summary>
/// Makes one session's refresh happen once among everyone that coordinates through it. Linode rotates refresh tokens, so
/// a second refresh with the same refresh token is refused and would sign the user out. Within one process the refresher
/// already runs a single flight per refresh token; this extension point lets several instances share one refresh
/// (for example with a distributed lock and the refreshed tokens stored, encrypted, for the others). The default,
/// registered with <c>TryAdd</c> by <c>AddLinode()</c>, runs the refresh directly.
/// </summary>
public interface ILinodeTokenRefreshSynchronization
{
    /// <summary>Runs <paramref name="refresh"/> unless another participant already refreshed (or is refreshing) the same
    /// refresh token, and returns the shared result either way.</summary>
    /// <param name="scheme">The Linode scheme whose session is refreshed.</param>
    /// <param name="key">Identifies the refresh token being replaced: a SHA-256 hash of it (hex), never the token.</param>
    /// <param name="refresh">Calls Linode's token endpoint with the refresh grant.</param>
    /// <returns>The outcome and, when refreshed, the new tokens.</returns>
    Task<LinodeRefreshedTokens> RefreshOnceAsync(string scheme, string key, Func<Task<LinodeRefreshedTokens>> refresh);
}
