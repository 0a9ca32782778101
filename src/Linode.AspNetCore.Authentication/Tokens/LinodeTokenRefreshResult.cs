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

    /// <inheritdoc />
    protected override string OutcomeName => Outcome.ToString();
}
