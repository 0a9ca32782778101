namespace Linode.AspNetCore.Authentication;

/// <summary>
/// What one refresh produced: its outcome and, after a successful one, the new tokens. Shared by every request (and,
/// through an <see cref="ILinodeTokenRefreshSynchronization"/>, every instance) that still carries the old refresh token.
/// <see cref="ToString"/> never shows a token.
/// </summary>
public sealed class LinodeRefreshedTokens
{
    /// <summary>Initializes the tokens of a refresh.</summary>
    /// <param name="result">The outcome.</param>
    /// <param name="accessToken">The new access token, after a successful refresh.</param>
    /// <param name="refreshToken">The new (rotated) refresh token, when Linode sent one.</param>
    /// <param name="tokenType">The token type Linode sent.</param>
    /// <param name="grantedScopes">The scopes Linode said the new token carries, when it said.</param>
    public LinodeRefreshedTokens(LinodeTokenRefreshResult result, string? accessToken, string? refreshToken, string? tokenType, LinodeScopeSet? grantedScopes)
    {
        ArgumentNullException.ThrowIfNull(result);
        Result = result;
        AccessToken = accessToken;
        RefreshToken = refreshToken;
        TokenType = tokenType;
        GrantedScopes = grantedScopes;
    }

    /// <summary>The outcome.</summary>
    public LinodeTokenRefreshResult Result { get; }

    /// <summary>The new access token, after a successful refresh.</summary>
    public string? AccessToken { get; }

    /// <summary>The new (rotated) refresh token, when Linode sent one.</summary>
    public string? RefreshToken { get; }

    /// <summary>The token type Linode sent.</summary>
    public string? TokenType { get; }

    /// <summary>The scopes Linode said the new token carries, or null when its answer did not say.</summary>
    public LinodeScopeSet? GrantedScopes { get; }

    /// <summary>After a failure, how long Linode asked to wait (its <c>Retry-After</c>).</summary>
    internal TimeSpan? RetryAfter { get; init; }

    /// <summary>True when the synchronization could not reach the other instances (its store was down) and the refresh
    /// ran on this instance alone. Another instance may then have used the same refresh token first, so Linode's refusal
    /// does not end a session whose access token is still valid: the session keeps it until it expires (or an API call
    /// answers 401), and is signed out only if Linode still refuses then.</summary>
    public bool IsUncoordinated { get; private init; }

    /// <summary>This result, marked as obtained without coordination (<see cref="IsUncoordinated"/>): for an
    /// <see cref="ILinodeTokenRefreshSynchronization"/> that ran the refresh on its own because its store was unreachable.</summary>
    /// <returns>A copy with <see cref="IsUncoordinated"/> set.</returns>
    public LinodeRefreshedTokens AsUncoordinated() =>
        new(Result, AccessToken, RefreshToken, TokenType, GrantedScopes) { RetryAfter = RetryAfter, IsUncoordinated = true };

    /// <summary>The outcome, without any token.</summary>
    /// <returns>The outcome's text.</returns>
    public override string ToString() => Result.ToString();
}
