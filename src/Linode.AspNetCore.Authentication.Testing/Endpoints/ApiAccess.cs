using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// Who may call an API endpoint: invalid, expired or revoked tokens get 401 <c>Invalid Token</c>; a token without the
/// needed scope gets 401 <c>Your OAuth token is not authorized to use this endpoint.</c>. Answers carry
/// <c>X-OAuth-Scopes</c> and <c>X-Accepted-OAuth-Scopes</c>; a method an endpoint does not serve gets 405.
/// </summary>
internal static class ApiAccess
{
    public const string NotAuthorizedReason = "Your OAuth token is not authorized to use this endpoint.";

    /// <summary>The caller's active token when it holds <paramref name="requiredScope"/> (null: any valid token) and the
    /// method is one of <paramref name="methods"/> (GET when none given); otherwise answers the error and returns null.</summary>
    public static async Task<LinodeEmulatorToken?> AuthorizeAsync(LinodeEmulator emulator, HttpContext context, string? requiredScope, params string[] methods)
    {
        context.Response.Headers["X-Accepted-OAuth-Scopes"] = requiredScope ?? string.Empty;
        if (!await AllowMethodAsync(context, methods))
        {
            return null;
        }

        var token = BearerToken(context) is { } value ? emulator.Store.FindActive(value) : null;
        if (token is null)
        {
            await EmulatorResponses.ApiErrorAsync(context, StatusCodes.Status401Unauthorized, "Invalid Token");
            return null;
        }

        context.Response.Headers["X-OAuth-Scopes"] = string.Join(' ', token.Scopes);
        if (requiredScope is not null && !EmulatorScopes.Allows(token.Scopes, requiredScope))
        {
            await EmulatorResponses.ApiErrorAsync(context, StatusCodes.Status401Unauthorized, NotAuthorizedReason);
            return null;
        }

        return token;
    }

    /// <summary>True when the request's method is one of <paramref name="methods"/> (GET when none given); otherwise
    /// answers 405 and returns false. Every API answer carries <c>X-Spec-Version</c>.</summary>
    public static async Task<bool> AllowMethodAsync(HttpContext context, params string[] methods)
    {
        context.Response.Headers["X-Spec-Version"] = "4.189.0";
        if (methods.Length == 0 ? HttpMethods.IsGet(context.Request.Method) : methods.Any(method => HttpMethods.Equals(method, context.Request.Method)))
        {
            return true;
        }

        await EmulatorResponses.ApiErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed");
        return false;
    }

    private static string? BearerToken(HttpContext context) =>
        AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var header)
        && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) ? header.Parameter : null;
}
