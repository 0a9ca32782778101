using System.Net;

namespace Linode.AspNetCore.Authentication.Testing.Tests;

/// <summary>Every refusal of the token and revocation endpoints, whole: the status, the RFC 6749 fields and Linode's own
/// <c>errors</c> array, with the sentence that tells a developer what was wrong.</summary>
public sealed class EmulatorRefusalTests
{
    private const string SecondClient = "fedcba9876543210fedc";

    [Theory]
    [InlineData("password", 400, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"grant_type must be authorization_code or refresh_token.\",\"errors\":[{\"reason\":\"grant_type must be authorization_code or refresh_token.\"}]}")]
    [InlineData("no-code", 400, "{\"error\":\"invalid_request\",\"error_description\":\"The code is missing.\",\"errors\":[{\"reason\":\"The code is missing.\"}]}")]
    [InlineData("pkce", 400, "{\"error\":\"invalid_grant\",\"error_description\":\"The code_verifier does not match the code_challenge.\",\"errors\":[{\"reason\":\"The code_verifier does not match the code_challenge.\"}]}")]
    [InlineData("no-refresh", 400, "{\"error\":\"invalid_request\",\"error_description\":\"The refresh_token is missing.\",\"errors\":[{\"reason\":\"The refresh_token is missing.\"}]}")]
    [InlineData("unknown-refresh", 400, "{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token is unknown.\",\"errors\":[{\"reason\":\"The refresh token is unknown.\"}]}")]
    [InlineData("used-refresh", 400, "{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token was revoked or already used.\",\"errors\":[{\"reason\":\"The refresh token was revoked or already used.\"}]}")]
    [InlineData("other-client-refresh", 400, "{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token was issued to another client.\",\"errors\":[{\"reason\":\"The refresh token was issued to another client.\"}]}")]
    [InlineData("other-client-code", 400, "{\"error\":\"invalid_grant\",\"error_description\":\"The authorization code was issued to another client.\",\"errors\":[{\"reason\":\"The authorization code was issued to another client.\"}]}")]
    [InlineData("reused-code", 400, "{\"error\":\"invalid_grant\",\"error_description\":\"The authorization code was already used; the tokens issued for it are revoked.\",\"errors\":[{\"reason\":\"The authorization code was already used; the tokens issued for it are revoked.\"}]}")]
    public async Task A_token_request_the_emulator_refuses_gets_both_error_shapes_and_a_sentence(string scenario, int status, string expected)
    {
        await using var client = new EmulatorClient(options => options.Clients.Add(new LinodeEmulatorClient(SecondClient, "second-secret", EmulatorClient.RedirectUri)));
        var ours = new Dictionary<string, string> { ["client_id"] = LinodeEmulatorClient.DefaultClientId, ["client_secret"] = LinodeEmulatorClient.DefaultClientSecret };
        var theirs = new Dictionary<string, string> { ["client_id"] = SecondClient, ["client_secret"] = "second-secret" };
        var form = scenario switch
        {
            "password" => With(ours, ("grant_type", "password")),
            "no-code" => With(ours, ("grant_type", "authorization_code")),
            "pkce" => With(ours, ("grant_type", "authorization_code"), ("code", await client.GetCodeAsync(extra: "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256")), ("code_verifier", "wrong-verifier-wrong-verifier-wrong-verifier-x")),
            "no-refresh" => With(ours, ("grant_type", "refresh_token")),
            "unknown-refresh" => With(ours, ("grant_type", "refresh_token"), ("refresh_token", new string('0', 64))),
            "used-refresh" => With(ours, ("grant_type", "refresh_token"), ("refresh_token", await UsedRefreshTokenAsync(client, ours))),
            "other-client-refresh" => With(theirs, ("grant_type", "refresh_token"), ("refresh_token", (await client.ExchangeAsync(await client.GetCodeAsync())).Body.GetProperty("refresh_token").GetString()!)),
            "other-client-code" => With(theirs, ("grant_type", "authorization_code"), ("code", await client.GetCodeAsync())),
            _ => With(ours, ("grant_type", "authorization_code"), ("code", await UsedCodeAsync(client))),
        };

        using var response = await client.Http.PostAsync("oauth/token", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Issued_tokens_are_never_cached()
    {
        await using var client = new EmulatorClient();
        using var response = await client.Http.PostAsync("oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = LinodeEmulatorClient.DefaultClientId, ["client_secret"] = LinodeEmulatorClient.DefaultClientSecret,
            ["grant_type"] = "authorization_code", ["code"] = await client.GetCodeAsync(), ["redirect_uri"] = EmulatorClient.RedirectUri,
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("get", 400, "{\"error\":\"invalid_request\",\"error_description\":\"POST a form.\",\"errors\":[{\"reason\":\"POST a form.\"}]}")]
    [InlineData("no-token", 400, "{\"error\":\"invalid_request\",\"error_description\":\"The token is missing.\",\"errors\":[{\"reason\":\"The token is missing.\"}]}")]
    [InlineData("bad-secret", 401, "{\"error\":\"invalid_client\",\"error_description\":\"Unknown client_id or wrong client_secret.\",\"errors\":[{\"reason\":\"Unknown client_id or wrong client_secret.\"}]}")]
    [InlineData("ok", 200, "{}")]
    public async Task A_revocation_is_answered_as_RFC_7009_says_and_a_malformed_one_is_refused(string scenario, int status, string expected)
    {
        await using var client = new EmulatorClient();
        var form = new Dictionary<string, string>
        {
            ["client_id"] = LinodeEmulatorClient.DefaultClientId,
            ["client_secret"] = scenario == "bad-secret" ? "nope" : LinodeEmulatorClient.DefaultClientSecret,
        };
        if (scenario != "no-token")
        {
            form["token"] = new string('a', 64);
        }

        using var response = scenario == "get"
            ? await client.Http.GetAsync("oauth/revoke", TestContext.Current.CancellationToken)
            : await client.Http.PostAsync("oauth/revoke", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static Dictionary<string, string> With(Dictionary<string, string> credentials, params (string Key, string Value)[] fields)
    {
        var form = new Dictionary<string, string>(credentials);
        foreach (var (key, value) in fields)
        {
            form[key] = value;
        }

        return form;
    }

    private static async Task<string> UsedRefreshTokenAsync(EmulatorClient client, Dictionary<string, string> credentials)
    {
        var refreshToken = (await client.ExchangeAsync(await client.GetCodeAsync())).Body.GetProperty("refresh_token").GetString()!;
        var (status, _) = await client.PostTokenAsync(With(credentials, ("grant_type", "refresh_token"), ("refresh_token", refreshToken)));
        Assert.Equal(HttpStatusCode.OK, status);
        return refreshToken;
    }

    private static async Task<string> UsedCodeAsync(EmulatorClient client)
    {
        var code = await client.GetCodeAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.ExchangeAsync(code)).Status);
        return code;
    }
}
