namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>An authorization code and what it was issued for.</summary>
internal sealed class EmulatorGrant
{
    public required string Code { get; init; }

    public required LinodeEmulatorClient Client { get; init; }

    public required LinodeEmulatorUser User { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public string? CodeChallenge { get; init; }

    public bool Used { get; set; }

    /// <summary>Tokens issued from this code, revoked if the code is replayed.</summary>
    public List<LinodeEmulatorToken> Tokens { get; } = [];
}
