using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace Linode.AspNetCore.Authentication.Testing.Tests;

public sealed class EmulatorAuthorizeTests
{
    private const string Client = "client_id=" + LinodeEmulatorClient.DefaultClientId + "&response_type=code";

    [Theory]
    [InlineData("scope=linodes:read_only,domains:read_write")]
    [InlineData("scope=linodes:read_only%20domains:read_write")]
    [InlineData("scopes=linodes:read_only,domains:read_write")]
    [InlineData("scopes=linodes:read_only+domains:read_write")]
    public async Task Scopes_are_accepted_under_either_name_and_either_separator(string scopeParameter)
    {
        await using var client = new EmulatorClient();

        using var response = await client.AuthorizeAsync($"{Client}&redirect_uri=https%3A%2F%2Fclient.test%2Fcb&{scopeParameter}");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(["linodes:read_only", "domains:read_write"], client.Emulator.GetConsentedScopes(LinodeEmulatorClient.DefaultClientId, "exampleUser"));
    }

    [Fact]
    public async Task Approval_appends_state_and_code_to_the_redirect_uris_own_query()
    {
        await using var client = new EmulatorClient();

        using var response = await client.AuthorizeAsync($"{Client}&redirect_uri={Uri.EscapeDataString("https://client.test/cb?returnTo=/linodes")}&state=abc%20def");

        var location = response.Headers.Location!;
        Assert.Equal("https://client.test/cb", location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(["returnTo", "state", "code"], query.Keys);
        Assert.Equal("/linodes", query["returnTo"].ToString());
        Assert.Equal("abc def", query["state"].ToString());
        Assert.Matches("^[0-9a-f]{20}$", query["code"].ToString());
    }

    [Fact]
    public async Task Without_a_redirect_uri_the_registered_one_is_used()
    {
        await using var client = new EmulatorClient();

        using var response = await client.AuthorizeAsync(Client);

        Assert.StartsWith("https://client.test/?code=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("client_id=ffffffffffffffffffff&response_type=code", "Unknown client_id.")]
    [InlineData(Client + "&redirect_uri=https%3A%2F%2Fevil.test%2Fcb", "does not start with the redirect URI registered")]
    [InlineData(Client + "&redirect_uri=http%3A%2F%2Fclient.test%2Fcb", "does not start with the redirect URI registered")]
    public async Task Unknown_clients_and_foreign_redirect_uris_get_an_error_page_not_a_redirect(string query, string message)
    {
        await using var client = new EmulatorClient();

        using var response = await client.AuthorizeAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("response_type=id_token", "unsupported_response_type")]
    [InlineData("response_type=code&code_challenge=abc&code_challenge_method=plain", "invalid_request")]
    public async Task Protocol_errors_redirect_back_with_error_and_state(string parameters, string error)
    {
        await using var client = new EmulatorClient();

        using var response = await client.AuthorizeAsync($"client_id={LinodeEmulatorClient.DefaultClientId}&{parameters}&redirect_uri=https%3A%2F%2Fclient.test%2Fcb&state=xyz");

        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal(error, query["error"].ToString());
        Assert.Equal("xyz", query["state"].ToString());
        Assert.False(string.IsNullOrEmpty(query["error_description"]));
    }

    [Fact]
    public async Task Deny_redirects_with_access_denied()
    {
        await using var client = new EmulatorClient(options => options.ConsentMode = LinodeEmulatorConsentMode.AutoDeny);

        using var response = await client.AuthorizeAsync($"{Client}&state=s");

        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal("access_denied", query["error"].ToString());
        Assert.Equal("s", query["state"].ToString());
        Assert.False(query.ContainsKey("code"));
    }

    [Fact]
    public async Task The_token_flow_puts_the_token_in_the_fragment()
    {
        await using var client = new EmulatorClient();

        using var response = await client.AuthorizeAsync($"client_id={LinodeEmulatorClient.DefaultClientId}&response_type=token&scopes=*&state=st");

        var location = response.Headers.Location!;
        Assert.Equal(string.Empty, location.Query);
        var fragment = QueryHelpers.ParseQuery(location.Fragment.TrimStart('#'));
        Assert.Matches("^[0-9a-f]{64}$", fragment["access_token"].ToString());
        Assert.Equal("bearer", fragment["token_type"].ToString());
        Assert.Equal("7200", fragment["expires_in"].ToString());
        Assert.Equal("*", fragment["scope"].ToString());
        Assert.Equal("st", fragment["state"].ToString());
        Assert.Null(client.Emulator.Tokens.Single().RefreshToken);
    }

    [Fact]
    public async Task A_public_client_must_use_pkce()
    {
        await using var client = new EmulatorClient();

        using var response = await client.AuthorizeAsync("client_id=aaaaaaaaaaaaaaaaaaaa&response_type=code&state=s");

        Assert.Equal("invalid_request", QueryHelpers.ParseQuery(response.Headers.Location!.Query)["error"].ToString());
    }

    [Fact]
    public async Task The_consent_page_shows_the_app_the_scopes_in_plain_words_and_the_users()
    {
        await using var client = new EmulatorClient(options => options.ConsentMode = LinodeEmulatorConsentMode.Interactive);

        using var response = await client.AuthorizeAsync($"{Client}&scope=linodes:read_only,domains:*&state=%3Cb%3E");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Test application", html, StringComparison.Ordinal);
        Assert.Contains("Linodes: view (read only)", html, StringComparison.Ordinal);
        Assert.Contains("Domains: full access", html, StringComparison.Ordinal);
        Assert.Contains("exampleUser", html, StringComparison.Ordinal);
        Assert.Contains("restrictedUser", html, StringComparison.Ordinal);
        Assert.Contains("id=\"approve\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"deny\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_on_the_consent_page_grants_only_the_ticked_scopes_to_the_chosen_user()
    {
        await using var client = new EmulatorClient(options => options.ConsentMode = LinodeEmulatorConsentMode.Interactive);
        var page = await client.OpenConsentPageAsync();
        var form = new Dictionary<string, string>
        {
            ["client_id"] = LinodeEmulatorClient.DefaultClientId, ["response_type"] = "code", ["redirect_uri"] = EmulatorClient.RedirectUri,
            ["scope"] = "linodes:read_only,domains:read_write", ["state"] = "s", ["user"] = "restrictedUser", ["decision"] = "approve",
            ["granted"] = "linodes:read_only",
        };

        using var response = await client.PostConsentAsync(page.Token, page.Cookie, form);
        var code = QueryHelpers.ParseQuery(response.Headers.Location!.Query)["code"].ToString();
        var (_, body) = await client.ExchangeAsync(code);

        Assert.Equal("linodes:read_only", body.GetProperty("scopes").GetString());
        Assert.Equal("restrictedUser", client.Emulator.Tokens.Single().User.Username);
    }

    [Fact]
    public async Task Consents_add_up_per_user_and_client()
    {
        await using var client = new EmulatorClient();

        await client.GetCodeAsync("linodes:read_only");
        await client.GetCodeAsync("linodes:read_write,volumes:read_only");

        Assert.Equal(["linodes:read_only", "linodes:read_write", "volumes:read_only"], client.Emulator.GetConsentedScopes(LinodeEmulatorClient.DefaultClientId, "exampleUser"));
    }

    [Fact]
    public async Task A_new_consent_adds_to_the_earlier_grant_in_the_token()
    {
        await using var client = new EmulatorClient();
        await client.ExchangeAsync(await client.GetCodeAsync("linodes:read_only"));

        var (_, second) = await client.ExchangeAsync(await client.GetCodeAsync("volumes:read_only"));

        Assert.Equal("linodes:read_only volumes:read_only", second.GetProperty("scopes").GetString());
    }

    [Fact]
    public async Task Without_accumulation_a_token_carries_only_this_consent()
    {
        await using var client = new EmulatorClient(options => options.AccumulateConsent = false);
        await client.ExchangeAsync(await client.GetCodeAsync("linodes:read_only"));

        var (_, second) = await client.ExchangeAsync(await client.GetCodeAsync("volumes:read_only"));

        Assert.Equal("volumes:read_only", second.GetProperty("scopes").GetString());
    }

    [Theory]
    [InlineData(true, "linodes:read_only")]
    [InlineData(false, "linodes:read_write linodes:read_only")]
    public async Task A_revoked_token_withdraws_the_earlier_consent_unless_configured_otherwise(bool withdraws, string nextScopes)
    {
        await using var client = new EmulatorClient(options => options.RevocationWithdrawsConsent = withdraws);
        var (_, write) = await client.ExchangeAsync(await client.GetCodeAsync("linodes:read_write"));
        using var revoked = await client.Http.PostAsync("oauth/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = LinodeEmulatorClient.DefaultClientId, ["client_secret"] = LinodeEmulatorClient.DefaultClientSecret,
            ["token"] = write.GetProperty("access_token").GetString()!,
        }), TestContext.Current.CancellationToken);

        var (_, next) = await client.ExchangeAsync(await client.GetCodeAsync("linodes:read_only"));

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(nextScopes, next.GetProperty("scopes").GetString());
    }
}
