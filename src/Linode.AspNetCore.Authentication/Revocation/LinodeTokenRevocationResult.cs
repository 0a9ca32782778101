namespace Linode.AspNetCore.Authentication;

/// <summary>The outcome of one token revocation. Never carries a token.</summary>
public sealed class LinodeTokenRevocationResult : LinodeTokenResult
{
    /// <summary>Initializes a result.</summary>
    /// <param name="scheme">The Linode scheme whose token was concerned.</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="statusCode">Linode's HTTP status, when it answered.</param>
    /// <param name="error">Linode's error code, or a short reason; kept only when code-shaped.</param>
    public LinodeTokenRevocationResult(string scheme, LinodeTokenRevocationOutcome outcome, int? statusCode = null, string? error = null)
        : base(scheme, statusCode, error)
    {
        Outcome = outcome;
    }

    /// <summary>How it ended.</summary>
    public LinodeTokenRevocationOutcome Outcome { get; }

    /// <summary>Whether the token is known to be revoked.</summary>
    public bool Succeeded => Outcome == LinodeTokenRevocationOutcome.Revoked;

    /// <inheritdoc />
    protected override string OutcomeName => Outcome.ToString();
}
