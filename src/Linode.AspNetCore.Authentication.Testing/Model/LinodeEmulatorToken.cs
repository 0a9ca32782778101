namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>An access token the emulator issued (with its refresh token), for tests to inspect.</summary>
public sealed class LinodeEmulatorToken
{
    internal LinodeEmulatorToken(string accessToken, string? refreshToken, string clientId, LinodeEmulatorUser user, IReadOnlyList<string> scopes, DateTimeOffset issuedAt, DateTimeOffset expiresAt, string grantType)
    {
        AccessToken = accessToken;
        RefreshToken = refreshToken;
        ClientId = clientId;
        User = user;
        Scopes = scopes;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
        GrantType = grantType;
    }

    /// <summary>The access token (64 lowercase hex).</summary>
    public string AccessToken { get; }

    /// <summary>The refresh token (64 lowercase hex), or null for public clients.</summary>
    public string? RefreshToken { get; }

    /// <summary>The client it was issued to.</summary>
    public string ClientId { get; }

    /// <summary>The user it acts for.</summary>
    public LinodeEmulatorUser User { get; }

    /// <summary>The granted scopes.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>When it was issued (emulator time).</summary>
    internal DateTimeOffset IssuedAt { get; }

    /// <summary>When the access token expires (emulator time).</summary>
    internal DateTimeOffset ExpiresAt { get; }

    /// <summary>The grant that produced it: <c>authorization_code</c>, <c>refresh_token</c> or <c>implicit</c>.</summary>
    public string GrantType { get; }

    /// <summary>Whether the access token was revoked (by <c>/oauth/revoke</c>, <c>/oauth/token/expire</c> or a replayed code).</summary>
    public bool IsRevoked { get; internal set; }

    /// <summary>Whether the refresh token was revoked or already used (rotation).</summary>
    public bool IsRefreshTokenDead { get; internal set; }
}
