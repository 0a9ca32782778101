namespace Linode.AspNetCore.Authentication;

/// <summary>How an automatic token refresh ended.</summary>
public enum LinodeTokenRefreshOutcome
{
    /// <summary>New access and refresh tokens were stored and the cookie renewed.</summary>
    Refreshed = 0,

    /// <summary>Linode refused the refresh token (<c>invalid_grant</c>: revoked or already used): the user was signed out.</summary>
    Rejected = 1,

    /// <summary>A transient failure (5xx, 429, time-out, network): the session is kept and a later request retries.</summary>
    Failed = 2,
}
