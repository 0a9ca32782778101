namespace Linode.AspNetCore.Authentication;

/// <summary>The outcome of one token revocation.</summary>
public sealed class LinodeTokenRevocationResult
{
    /// <summary>Initializes a result.</summary>
    /// <param name="scheme">The Linode scheme whose token was concerned.</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="statusCode">Linode's HTTP status, when it answered.</param>
    /// <param name="error">Linode's error code, or a short reason; kept only when code-shaped (letters, digits, <c>_-.</c>, at most 64), so never a token or Linode's free text.</param>
    public LinodeTokenRevocationResult(string scheme, LinodeTokenRevocationOutcome outcome, int? statusCode = null, string? error = null)
    {
        Scheme = scheme;
        Outcome = outcome;
        StatusCode = statusCode;
        Error = LinodeFailure.CodeOrNull(error);
    }

    /// <summary>The Linode scheme whose token was concerned.</summary>
    public string Scheme { get; }

    /// <summary>How it ended.</summary>
    public LinodeTokenRevocationOutcome Outcome { get; }

    /// <summary>Linode's HTTP status, when it answered.</summary>
    public int? StatusCode { get; }

    /// <summary>Linode's error code or a short reason, when it failed or was skipped.</summary>
    public string? Error { get; }

    /// <summary>Whether the token is known to be revoked.</summary>
    public bool Succeeded => Outcome == LinodeTokenRevocationOutcome.Revoked;

    /// <inheritdoc />
    public override string ToString() => $"{Scheme}: {Outcome}" + (StatusCode is { } status ? $" (HTTP {status})" : string.Empty) + (Error is null ? string.Empty : $" {Error}");
}
