using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// <c>POST /oauth/token</c>: url-encoded or multipart form; <c>grant_type</c> optional (defaults to
/// <c>authorization_code</c>) or <c>refresh_token</c>; client credentials in the body; PKCE S256 checked when the code
/// carries a challenge. Answers Linode's shape: <c>access_token</c>, <c>token_type: "bearer"</c>, <c>expires_in</c>,
/// <c>refresh_token</c> (null for public clients), and <c>scope</c> and <c>scopes</c>. Refresh rotates the refresh token.
/// </summary>
internal sealed class TokenEndpoint
{
    private readonly LinodeEmulator _emulator;

    public TokenEndpoint(LinodeEmulator emulator) => _emulator = emulator;

    public async Task HandleAsync(HttpContext context)
    {
        if (await EmulatorClientAuthentication.AuthenticatePostAsync(_emulator, context, "POST a form (application/x-www-form-urlencoded or multipart/form-data).") is not var (client, form))
        {
            return;
        }

        var grantType = string.IsNullOrEmpty(form["grant_type"]) ? "authorization_code" : form["grant_type"].ToString();
        switch (grantType)
        {
            case "authorization_code":
                await ExchangeCodeAsync(context, form, client);
                break;
            case "refresh_token":
                await RefreshAsync(context, form, client);
                break;
            default:
                await EmulatorResponses.OAuthErrorAsync(context, StatusCodes.Status400BadRequest, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token.");
                break;
        }
    }

    private async Task ExchangeCodeAsync(HttpContext context, IFormCollection form, LinodeEmulatorClient client)
    {
        if (string.IsNullOrEmpty(form["code"]))
        {
            await EmulatorResponses.OAuthErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "The code is missing.");
            return;
        }

        var (grant, error) = _emulator.Store.Redeem(form["code"]!, client.ClientId);
        if (grant is null)
        {
            await EmulatorResponses.OAuthErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_grant", error!);
            return;
        }

        if (grant.CodeChallenge is not null && !VerifierMatches(grant.CodeChallenge, form["code_verifier"]))
        {
            await EmulatorResponses.OAuthErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_grant", "The code_verifier does not match the code_challenge.");
            return;
        }

        var token = _emulator.Store.IssueToken(client, grant.User, grant.Scopes, _emulator.Options.AccessTokenLifetime, "authorization_code", withRefreshToken: !client.IsPublic, grant);
        await WriteTokenAsync(context, token);
    }

    private async Task RefreshAsync(HttpContext context, IFormCollection form, LinodeEmulatorClient client)
    {
        if (string.IsNullOrEmpty(form["refresh_token"]))
        {
            await EmulatorResponses.OAuthErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "The refresh_token is missing.");
            return;
        }

        var (previous, error) = _emulator.Store.UseRefreshToken(form["refresh_token"]!, client.ClientId);
        if (previous is null)
        {
            await EmulatorResponses.OAuthErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_grant", error!);
            return;
        }

        var token = _emulator.Store.IssueToken(client, previous.User, previous.Scopes, _emulator.Options.AccessTokenLifetime, "refresh_token", withRefreshToken: true);
        await WriteTokenAsync(context, token);
    }

    private Task WriteTokenAsync(HttpContext context, LinodeEmulatorToken token)
    {
        var options = _emulator.Options;
        var scopes = string.Join(options.ResponseScopeSeparator, token.Scopes);
        context.Response.Headers.CacheControl = "no-store";
        return EmulatorResponses.JsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("access_token", token.AccessToken);
            writer.WriteString("token_type", "bearer");
            writer.WriteNumber("expires_in", (long)options.AccessTokenLifetime.TotalSeconds);
            if (token.RefreshToken is null)
            {
                writer.WriteNull("refresh_token");
            }
            else
            {
                writer.WriteString("refresh_token", token.RefreshToken);
            }

            if (options.ScopeFields.Contains("scope"))
            {
                writer.WriteString("scope", scopes);
            }

            if (options.ScopeFields.Contains("scopes"))
            {
                writer.WriteString("scopes", scopes);
            }

            writer.WriteEndObject();
        });
    }

    private static bool VerifierMatches(string challenge, string? verifier)
    {
        if (string.IsNullOrEmpty(verifier))
        {
            return false;
        }

        var computed = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return EmulatorClientAuthentication.SecretsEqual(challenge, computed);
    }
}
