namespace Linode.AspNetCore.Authentication;

/// <summary>What one refresh produced, shared by every request that waited on it.</summary>
internal sealed record LinodeRefreshedTokens(
    LinodeTokenRefreshResult Result, string? AccessToken, string? RefreshToken, string? TokenType, LinodeScopeSet? GrantedScopes);
