namespace Linode.AspNetCore.Authentication;

/// <summary>How a token revocation ended.</summary>
public enum LinodeTokenRevocationOutcome
{
    /// <summary>Linode answered 2xx: the access token and its refresh token are dead.</summary>
    Revoked = 0,

    /// <summary>There was nothing to revoke: no saved access token, or revocation is turned off for the scheme.</summary>
    Skipped = 1,

    /// <summary>Linode answered an error status, or the connection failed.</summary>
    Failed = 2,

    /// <summary>No answer within <see cref="LinodeOptions.RevocationTimeout"/>.</summary>
    TimedOut = 3,
}
