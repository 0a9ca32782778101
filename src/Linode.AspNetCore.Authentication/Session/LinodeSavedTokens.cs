using System.Globalization;
using Microsoft.AspNetCore.Authentication;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// Reads the tokens <c>SaveTokens</c> keeps in a ticket's properties, by their item keys directly, so the per-request
/// "is a refresh due" check allocates nothing.
/// </summary>
internal static class LinodeSavedTokens
{
    public const string AccessTokenKey = ".Token.access_token";
    public const string RefreshTokenKey = ".Token.refresh_token";
    public const string ExpiresAtKey = ".Token.expires_at";

    public static string? AccessToken(AuthenticationProperties properties) => Read(properties, AccessTokenKey);

    public static string? RefreshToken(AuthenticationProperties properties) => Read(properties, RefreshTokenKey);

    public static DateTimeOffset? ExpiresAt(AuthenticationProperties properties) =>
        Read(properties, ExpiresAtKey) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value)
            ? value
            : null;

    private static string? Read(AuthenticationProperties properties, string key) =>
        properties.Items.TryGetValue(key, out var value) ? value : null;
}
