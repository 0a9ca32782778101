using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// Revokes Linode access tokens (Linode also kills the matching refresh token). <c>AddLinode()</c> registers the default,
/// which calls <see cref="LinodeOptions.RevocationEndpoint"/> bounded by <see cref="LinodeOptions.RevocationTimeout"/> and
/// raises <see cref="LinodeEvents.OnTokenRevoked"/>; register your own (before <c>AddLinode()</c>, or replace it after)
/// to queue revocations, retry them elsewhere, or record them. Sign-out, a failed sign-in, a replaced ticket and
/// <c>HttpContext.RevokeLinodeTokenAsync()</c> all go through it.
/// </summary>
public interface ILinodeTokenRevoker
{
    /// <summary>Revokes <paramref name="accessToken"/> with the client credentials of the Linode scheme <paramref name="scheme"/>.
    /// Implementations never throw for Linode or network failures: they report them in the result.</summary>
    /// <param name="context">The current HTTP context.</param>
    /// <param name="scheme">The Linode scheme that issued the token.</param>
    /// <param name="accessToken">The access token; null or empty gives <see cref="LinodeTokenRevocationOutcome.Skipped"/>.</param>
    /// <param name="cancellationToken">Cancels the call early; the revocation timeout applies regardless.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="scheme"/> is not a Linode scheme.</exception>
    Task<LinodeTokenRevocationResult> RevokeAsync(HttpContext context, string scheme, string? accessToken, CancellationToken cancellationToken = default);
}
