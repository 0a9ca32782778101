using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// Who may call an API handler: anyone (<see cref="Public"/>, a token if sent is not checked), any active token, or a
/// token holding a scope. Invalid, expired or revoked tokens get 401 <c>Invalid Token</c>; a token without the scope gets
/// 401 <c>Your OAuth token is not authorized to use this endpoint.</c>. Answers carry <c>X-OAuth-Scopes</c> and
/// <c>X-Accepted-OAuth-Scopes</c>.
/// </summary>
/// <param name="IsPublic">Whether no token is needed.</param>
/// <param name="RequiredScope">The scope needed; null: any active token.</param>
internal sealed record ApiAccess(bool IsPublic, string? RequiredScope)
{
    public const string NotAuthorizedReason = "Your OAuth token is not authorized to use this endpoint.";

    /// <summary>No token needed.</summary>
    public static ApiAccess Public => new(IsPublic: true, RequiredScope: null);

    /// <summary>A token holding <paramref name="requiredScope"/>; null: any active token.</summary>
    public static ApiAccess Token(string? requiredScope) => new(IsPublic: false, requiredScope);

    /// <summary>The caller's active token when it holds the scope; otherwise answers the error and returns null.</summary>
    public async Task<LinodeEmulatorToken?> AuthorizeAsync(LinodeEmulator emulator, HttpContext context)
    {
        context.Response.Headers["X-Accepted-OAuth-Scopes"] = RequiredScope ?? string.Empty;
        var token = BearerToken(context) is { } value ? emulator.Store.FindActive(value) : null;
        if (token is null)
        {
            await EmulatorResponses.ApiErrorAsync(context, StatusCodes.Status401Unauthorized, "Invalid Token");
            return null;
        }

        context.Response.Headers["X-OAuth-Scopes"] = string.Join(' ', token.Scopes);
        if (RequiredScope is not null && !EmulatorScopes.Allows(token.Scopes, RequiredScope))
        {
            await EmulatorResponses.ApiErrorAsync(context, StatusCodes.Status401Unauthorized, NotAuthorizedReason);
            return null;
        }

        return token;
    }

    private static string? BearerToken(HttpContext context) =>
        AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var header)
        && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) ? header.Parameter : null;
}
