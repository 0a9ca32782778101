namespace Linode.AspNetCore.Authentication;

/// <summary>What every outcome of a call about a Linode token (a refresh, a revocation) reports. Never carries a token.</summary>
public abstract class LinodeTokenResult
{
    /// <summary>Initializes a result.</summary>
    /// <param name="scheme">The Linode scheme concerned.</param>
    /// <param name="statusCode">Linode's HTTP status, when it answered.</param>
    /// <param name="error">Linode's error code or a short reason; kept only when code-shaped (letters, digits, <c>_-.</c>,
    /// at most 64), so never a token or Linode's free text.</param>
    protected LinodeTokenResult(string scheme, int? statusCode, string? error)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        Scheme = scheme;
        StatusCode = statusCode;
        Error = LinodeFailure.CodeOrNull(error);
    }

    /// <summary>The Linode scheme concerned.</summary>
    public string Scheme { get; }

    /// <summary>Linode's HTTP status, when it answered.</summary>
    public int? StatusCode { get; }

    /// <summary>Linode's error code or a short reason (<c>invalid_grant</c>, <c>timeout</c>, ...), code-shaped only.</summary>
    public string? Error { get; }

    /// <summary>The outcome's name, for <see cref="ToString"/>.</summary>
    protected abstract string OutcomeName { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Scheme}: {OutcomeName}" + (StatusCode is { } status ? $" (HTTP {status})" : string.Empty) + (Error is null ? string.Empty : $" {Error}");
}
