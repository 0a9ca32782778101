using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Internal;

/// <summary>A refresh result as it is kept in Redis for the other instances: JSON, protected with Data Protection (the
/// tokens are never stored in clear).</summary>
internal sealed record LinodeSharedRefresh(
    string Scheme,
    LinodeTokenRefreshOutcome Outcome,
    DateTimeOffset? ExpiresAt,
    int? StatusCode,
    string? Error,
    string? AccessToken,
    string? RefreshToken,
    string? TokenType,
    string[]? Scopes)
{
    private const string Purpose = "Linode.AspNetCore.Authentication.StackExchangeRedis.RefreshedTokens";

    /// <summary>Whether other instances may reuse the result: a success, or Linode's refusal of the token. A transient
    /// failure is not shared: each instance backs off on its own.</summary>
    public static bool IsShareable(LinodeRefreshedTokens refreshed) => refreshed.Result.Outcome != LinodeTokenRefreshOutcome.Failed;

    public static byte[] Protect(IDataProtectionProvider dataProtection, LinodeRefreshedTokens refreshed)
    {
        var result = refreshed.Result;
        var shared = new LinodeSharedRefresh(
            result.Scheme, result.Outcome, result.ExpiresAt, result.StatusCode, result.Error,
            refreshed.AccessToken, refreshed.RefreshToken, refreshed.TokenType, refreshed.GrantedScopes?.Select(scope => scope.Value).ToArray());
        return dataProtection.CreateProtector(Purpose).Protect(JsonSerializer.SerializeToUtf8Bytes(shared, LinodeSharedRefreshJson.Default.LinodeSharedRefresh));
    }

    /// <exception cref="System.Security.Cryptography.CryptographicException">Not protected by this app's key ring.</exception>
    /// <exception cref="JsonException">Not a shared refresh.</exception>
    public static LinodeRefreshedTokens Unprotect(IDataProtectionProvider dataProtection, byte[] protectedBytes)
    {
        var shared = JsonSerializer.Deserialize(dataProtection.CreateProtector(Purpose).Unprotect(protectedBytes), LinodeSharedRefreshJson.Default.LinodeSharedRefresh)
            ?? throw new JsonException("Empty shared refresh.");
        return new LinodeRefreshedTokens(
            new LinodeTokenRefreshResult(shared.Scheme, shared.Outcome, shared.ExpiresAt, shared.StatusCode, shared.Error) { IsFromAnotherInstance = true },
            shared.AccessToken,
            shared.RefreshToken,
            shared.TokenType,
            shared.Scopes is null ? null : LinodeScopes.Parse(shared.Scopes));
    }
}

/// <summary>Source-generated JSON for <see cref="LinodeSharedRefresh"/>.</summary>
[JsonSerializable(typeof(LinodeSharedRefresh))]
internal sealed partial class LinodeSharedRefreshJson : JsonSerializerContext;
