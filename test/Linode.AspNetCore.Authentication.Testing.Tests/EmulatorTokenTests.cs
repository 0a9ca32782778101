using System.Net;
using System.Security.Cryptography;
using System.Text;
using Linode.AspNetCore.Authentication.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace Linode.AspNetCore.Authentication.Testing.Tests;

public sealed class EmulatorTokenTests
{
    [Fact]
    public async Task A_code_exchange_answers_Linodes_token_shape()
    {
        await using var client = new EmulatorClient();
        var code = await client.GetCodeAsync("linodes:read_only,domains:read_write");

        var (status, body) = await client.ExchangeAsync(code);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("^[0-9a-f]{64}$", body.GetProperty("access_token").GetString());
        Assert.Matches("^[0-9a-f]{64}$", body.GetProperty("refresh_token").GetString());
        Assert.Equal("bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(7200, body.GetProperty("expires_in").GetInt32());
        Assert.Equal("linodes:read_only domains:read_write", body.GetProperty("scope").GetString());
        Assert.Equal("linodes:read_only domains:read_write", body.GetProperty("scopes").GetString());
    }

    [Fact]
    public async Task Multipart_bodies_are_accepted_like_Cloud_Managers()
    {
        await using var client = new EmulatorClient();
        var code = await client.GetCodeAsync();
        using var content = new MultipartFormDataContent
        {
            { new StringContent(LinodeEmulatorClient.DefaultClientId), "client_id" },
            { new StringContent(LinodeEmulatorClient.DefaultClientSecret), "client_secret" },
            { new StringContent(code), "code" },
        };

        using var response = await client.Http.PostAsync("oauth/token", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("client_secret", "wrong", HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("client_id", "ffffffffffffffffffff", HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("grant_type", "password", HttpStatusCode.BadRequest, "unsupported_grant_type")]
    [InlineData("code", "", HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("code", "0000000000aaaaaaaaaa", HttpStatusCode.BadRequest, "invalid_grant")]
    public async Task Bad_requests_get_both_error_shapes(string field, string value, HttpStatusCode expectedStatus, string error)
    {
        await using var client = new EmulatorClient();
        var code = await client.GetCodeAsync();

        var (status, body) = await client.ExchangeAsync(code, new() { [field] = value });

        Assert.Equal(expectedStatus, status);
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.Equal(body.GetProperty("error_description").GetString(), body.GetProperty("errors")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_code_works_once_and_its_replay_revokes_the_tokens()
    {
        await using var client = new EmulatorClient();
        var code = await client.GetCodeAsync();
        var (_, first) = await client.ExchangeAsync(code);

        var (status, body) = await client.ExchangeAsync(code);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.False(client.Emulator.IsAccessTokenActive(first.GetProperty("access_token").GetString()!));
    }

    [Fact]
    public async Task A_code_expires()
    {
        await using var client = new EmulatorClient();
        var code = await client.GetCodeAsync();
        client.Time.Advance(TimeSpan.FromMinutes(10));

        var (status, body) = await client.ExchangeAsync(code);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("expired", body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, HttpStatusCode.OK)]
    [InlineData(false, HttpStatusCode.BadRequest)]
    public async Task Pkce_S256_is_checked(bool rightVerifier, HttpStatusCode expected)
    {
        await using var client = new EmulatorClient();
        const string verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var code = await client.GetCodeAsync(extra: $"&code_challenge={challenge}&code_challenge_method=S256");

        var (status, _) = await client.ExchangeAsync(code, new() { ["code_verifier"] = rightVerifier ? verifier : verifier + "x" });

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task A_public_client_exchanges_with_pkce_and_no_secret_and_gets_no_refresh_token()
    {
        await using var client = new EmulatorClient();
        const string verifier = "public-client-verifier-public-client-verifier-123";
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        using var authorize = await client.AuthorizeAsync($"client_id=aaaaaaaaaaaaaaaaaaaa&response_type=code&code_challenge={challenge}&code_challenge_method=S256");
        var code = QueryHelpers.ParseQuery(authorize.Headers.Location!.Query)["code"].ToString();

        var (status, body) = await client.PostTokenAsync(new Dictionary<string, string>
        {
            ["client_id"] = "aaaaaaaaaaaaaaaaaaaa", ["code"] = code, ["code_verifier"] = verifier, ["grant_type"] = "authorization_code",
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("refresh_token").ValueKind);
    }

    [Fact]
    public async Task Refresh_rotates_the_refresh_token()
    {
        await using var client = new EmulatorClient();
        var (_, first) = await client.ExchangeAsync(await client.GetCodeAsync("linodes:read_only"));
        var refresh = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = LinodeEmulatorClient.DefaultClientId,
            ["client_secret"] = LinodeEmulatorClient.DefaultClientSecret, ["refresh_token"] = first.GetProperty("refresh_token").GetString()!,
        };

        var (status, second) = await client.PostTokenAsync(refresh);
        var (replayStatus, replay) = await client.PostTokenAsync(refresh);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual(first.GetProperty("access_token").GetString(), second.GetProperty("access_token").GetString());
        Assert.NotEqual(first.GetProperty("refresh_token").GetString(), second.GetProperty("refresh_token").GetString());
        Assert.Equal("linodes:read_only", second.GetProperty("scopes").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, replayStatus);
        Assert.Equal("invalid_grant", replay.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("oauth/revoke")]
    [InlineData("oauth/token/expire")]
    public async Task Revoking_the_access_token_kills_both_tokens(string path)
    {
        await using var client = new EmulatorClient();
        var (_, tokens) = await client.ExchangeAsync(await client.GetCodeAsync());
        var access = tokens.GetProperty("access_token").GetString()!;

        using var response = await client.Http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = LinodeEmulatorClient.DefaultClientId, ["client_secret"] = LinodeEmulatorClient.DefaultClientSecret, ["token"] = access,
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(client.Emulator.IsAccessTokenActive(access));
        Assert.True(client.Emulator.FindToken(access)!.IsRefreshTokenDead);
        using var profile = await client.GetApiAsync("profile", access);
        Assert.Equal(HttpStatusCode.Unauthorized, profile.StatusCode);
    }

    [Fact]
    public async Task Revocation_with_a_wrong_secret_is_refused_and_revokes_nothing()
    {
        await using var client = new EmulatorClient();
        var (_, tokens) = await client.ExchangeAsync(await client.GetCodeAsync());
        var access = tokens.GetProperty("access_token").GetString()!;

        using var response = await client.Http.PostAsync("oauth/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = LinodeEmulatorClient.DefaultClientId, ["client_secret"] = "nope", ["token"] = access,
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(client.Emulator.IsAccessTokenActive(access));
    }
}
