namespace Linode.AspNetCore.Authentication;

/// <summary>The outcome of one automatic token refresh. Never carries a token.</summary>
public sealed class LinodeTokenRefreshResult : LinodeTokenResult
{
    /// <summary>Initializes a result.</summary>
    /// <param name="scheme">The Linode scheme whose tokens were refreshed.</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="expiresAt">When the new access token expires, after a successful refresh.</param>
    /// <param name="statusCode">Linode's HTTP status when it answered an error.</param>
    /// <param name="error">Linode's error code or a short reason; kept only when code-shaped.</param>
    public LinodeTokenRefreshResult(string scheme, LinodeTokenRefreshOutcome outcome, DateTimeOffset? expiresAt = null, int? statusCode = null, string? error = null)
        : base(scheme, statusCode, error)
    {
        Outcome = outcome;
        ExpiresAt = expiresAt;
    }

    /// <summary>How it ended.</summary>
    public LinodeTokenRefreshOutcome Outcome { get; }

    /// <summary>When the new access token expires, after a successful refresh.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>True when another instance called Linode and this instance applied the result it shared (through an
    /// <see cref="ILinodeTokenRefreshSynchronization"/> such as the Redis one); false when this instance made the refresh
    /// grant. One grant raises <c>OnTokenRefreshed</c> once on every instance that applies it, and only one of those says
    /// false: count grants with it.</summary>
    public bool IsFromAnotherInstance { get; init; }

    /// <inheritdoc />
    protected override string OutcomeName => Outcome.ToString();
}
