using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// The api.linode.com slice: <c>GET /v4/profile</c> (any valid token), <c>GET /v4/account</c> (<c>account:read_only</c>) and
/// <c>GET /v4/linode/instances</c> (<c>linodes:read_only</c>).
/// Invalid, expired or revoked tokens get 401 <c>Invalid Token</c>; a token without the needed scope gets 401
/// <c>Your OAuth token is not authorized to use this endpoint.</c>. Answers carry <c>X-OAuth-Scopes</c> and
/// <c>X-Accepted-OAuth-Scopes</c>.
/// </summary>
internal sealed class ApiEndpoints
{
    public const string NotAuthorizedReason = "Your OAuth token is not authorized to use this endpoint.";
    private readonly LinodeEmulator _emulator;

    public ApiEndpoints(LinodeEmulator emulator) => _emulator = emulator;

    public async Task ProfileAsync(HttpContext context)
    {
        if (await AuthorizeAsync(context, requiredScope: null) is not { } token)
        {
            return;
        }

        var user = token.User;
        await EmulatorResponses.JsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("uid", user.Uid);
            writer.WriteString("username", user.Username);
            writer.WriteString("email", user.Email);
            writer.WriteString("timezone", user.Timezone);
            writer.WriteBoolean("email_notifications", true);
            writer.WriteBoolean("restricted", user.Restricted);
            writer.WriteBoolean("two_factor_auth", user.TwoFactorAuth);
            writer.WriteNull("authorized_keys");
            writer.WriteString("lish_auth_method", "keys_only");
            writer.WriteString("authentication_type", user.AuthenticationType);
            writer.WriteNull("verified_phone_number");
            writer.WriteBoolean("ip_whitelist_enabled", false);
            writer.WriteStartObject("referrals");
            writer.WriteString("code", "871be32f49c1411b14f29f618aaf0c14637fb8d3");
            writer.WriteString("url", "https://www.linode.com/?r=871be32f49c1411b14f29f618aaf0c14637fb8d3");
            writer.WriteNumber("total", 0);
            writer.WriteNumber("completed", 0);
            writer.WriteNumber("pending", 0);
            writer.WriteNumber("credit", 0);
            writer.WriteEndObject();
            writer.WriteString("user_type", user.UserType);
            writer.WriteEndObject();
        });
    }

    public async Task AccountAsync(HttpContext context)
    {
        if (await AuthorizeAsync(context, "account:read_only") is not { } token)
        {
            return;
        }

        await EmulatorResponses.JsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("email", token.User.Email);
            writer.WriteString("company", "Example Co.");
            writer.WriteString("country", "US");
            writer.WriteNumber("balance", 0);
            writer.WriteString("euuid", "E1AF5EEC-526F-487D-B317EBEB34C87D71");
            writer.WriteEndObject();
        });
    }

    public async Task InstancesAsync(HttpContext context)
    {
        if (await AuthorizeAsync(context, "linodes:read_only") is not { } token)
        {
            return;
        }

        var instances = token.User.Instances.ToArray();
        await EmulatorResponses.JsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("data");
            foreach (var instance in instances)
            {
                writer.WriteStartObject();
                writer.WriteNumber("id", instance.Id);
                writer.WriteString("label", instance.Label);
                writer.WriteString("region", instance.Region);
                writer.WriteString("type", instance.Type);
                writer.WriteString("status", instance.Status);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("page", 1);
            writer.WriteNumber("pages", 1);
            writer.WriteNumber("results", instances.Length);
            writer.WriteEndObject();
        });
    }

    private async Task<LinodeEmulatorToken?> AuthorizeAsync(HttpContext context, string? requiredScope)
    {
        context.Response.Headers["X-Accepted-OAuth-Scopes"] = requiredScope ?? string.Empty;
        context.Response.Headers["X-Spec-Version"] = "4.189.0";
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            await EmulatorResponses.ApiErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed");
            return null;
        }

        var token = AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) && header.Parameter is { } value
            ? _emulator.Store.FindActive(value)
            : null;
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
}
