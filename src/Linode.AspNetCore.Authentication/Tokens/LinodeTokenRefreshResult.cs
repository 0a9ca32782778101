namespace Linode.AspNetCore.Authentication;

/// <summary>The outcome of one automatic token refresh. Never carries a token.</summary>
public sealed class LinodeTokenRefreshResult
{
    /// <summary>Initializes a result.</summary>
    /// <param name="scheme">The Linode scheme whose tokens were refreshed.</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="expiresAt">When the new access token expires, after a successful refresh.</param>
    /// <param name="statusCode">Linode's HTTP status when it answered an error.</param>
    /// <param name="error">Linode's error code or a short reason; kept only when code-shaped (letters, digits, <c>_-.</c>, at most 64).</param>
    public LinodeTokenRefreshResult(string scheme, LinodeTokenRefreshOutcome outcome, DateTimeOffset? expiresAt = null, int? statusCode = null, string? error = null)
    {
        Scheme = scheme;
        Outcome = outcome;
        ExpiresAt = expiresAt;
        StatusCode = statusCode;
        Error = LinodeFailure.CodeOrNull(error);
    }

    /// <summary>The Linode scheme whose tokens were refreshed.</summary>
    public string Scheme { get; }

    /// <summary>How it ended.</summary>
    public LinodeTokenRefreshOutcome Outcome { get; }

    /// <summary>When the new access token expires, after a successful refresh.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>Linode's HTTP status when it answered an error.</summary>
    public int? StatusCode { get; }

    /// <summary>Linode's error code or a short reason (<c>invalid_grant</c>, <c>timeout</c>, ...).</summary>
    public string? Error { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Scheme}: {Outcome}" + (StatusCode is { } status ? $" (HTTP {status})" : string.Empty) + (Error is null ? string.Empty : $" {Error}");
}
