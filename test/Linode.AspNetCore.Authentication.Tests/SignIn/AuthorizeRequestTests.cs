using System.Net;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Linode.AspNetCore.Authentication.Tests.SignIn;

public sealed class AuthorizeRequestTests
{
    private static async Task<(Uri Location, Dictionary<string, string> Query)> ChallengeAsync(LinodeTestHost host, string path = "/me")
    {
        using var response = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + path));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        var query = QueryHelpers.ParseQuery(location.Query).ToDictionary(pair => pair.Key, pair => pair.Value.ToString());
        return (location, query);
    }

    [Fact]
    public async Task The_authorize_redirect_carries_exactly_Linodes_parameters()
    {
        await using var host = await LinodeTestHost.StartAsync(options =>
        {
            options.Scope.Add(LinodeScopes.Linodes.ReadOnly);
            options.Scope.Add(LinodeScopes.Domains.ReadWrite);
        });

        var (location, query) = await ChallengeAsync(host);

        Assert.Equal("https://login.linode.com/oauth/authorize", location.GetLeftPart(UriPartial.Path));
        Assert.Equal(["client_id", "redirect_uri", "response_type", "scope", "state"], query.Keys.Order());
        Assert.Equal(Testing.LinodeEmulatorClient.DefaultClientId, query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("https://app.test/signin-linode", query["redirect_uri"]);
        Assert.Equal("linodes:read_only,domains:read_write", query["scope"]);
        Assert.True(query["state"].Length > 40, "the state is the protected properties blob");
    }

    [Fact]
    public async Task A_space_separator_can_be_configured()
    {
        await using var host = await LinodeTestHost.StartAsync(options =>
        {
            options.ScopeSeparator = " ";
            options.Scope.Add(LinodeScopes.Linodes.ReadOnly);
            options.Scope.Add(LinodeScopes.Events.ReadOnly);
        });

        var (_, query) = await ChallengeAsync(host);

        Assert.Equal("linodes:read_only events:read_only", query["scope"]);
    }

    [Fact]
    public async Task Pkce_adds_an_S256_challenge_and_the_emulator_accepts_the_verifier()
    {
        await using var host = await LinodeTestHost.StartAsync(options => options.UsePkce = true);

        var (_, query) = await ChallengeAsync(host);
        using var signedIn = await host.SignInAsync();

        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(43, query["code_challenge"].Length);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var tokenRequest = Assert.Single(host.Emulator.RequestsTo(Testing.LinodeEmulatorEndpoint.Token));
        Assert.True(tokenRequest.Form.TryGetValue("code_verifier", out var verifier) && verifier.Length >= 43);
    }

    [Fact]
    public async Task Without_pkce_there_is_no_challenge_and_no_verifier()
    {
        await using var host = await LinodeTestHost.StartAsync();

        var (_, query) = await ChallengeAsync(host);
        using var signedIn = await host.SignInAsync();

        Assert.DoesNotContain("code_challenge", query.Keys);
        Assert.DoesNotContain("code_challenge_method", query.Keys);
        Assert.DoesNotContain("code_verifier", Assert.Single(host.Emulator.RequestsTo(Testing.LinodeEmulatorEndpoint.Token)).Form.Keys);
    }

    [Fact]
    public async Task Additional_authorization_parameters_survive()
    {
        await using var host = await LinodeTestHost.StartAsync(options => options.AdditionalAuthorizationParameters["prompt"] = "consent");

        var (_, query) = await ChallengeAsync(host);

        Assert.Equal("consent", query["prompt"]);
        Assert.Equal("code", query["response_type"]);
    }

    [Fact]
    public async Task A_challenge_can_ask_for_other_scopes_than_the_options()
    {
        await using var host = await LinodeTestHost.StartAsync(options => options.Scope.Add(LinodeScopes.Linodes.ReadOnly));

        using var response = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/challenge-scopes"));
        var query = QueryHelpers.ParseQuery(response.Headers.Location?.Query);

        Assert.Equal("linodes:read_write,volumes:read_only", query["scope"].ToString());
    }

    [Fact]
    public async Task The_correlation_cookie_is_set_on_the_challenge()
    {
        await using var host = await LinodeTestHost.StartAsync();

        using var response = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/me"));

        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal));
        Assert.Contains("path=/signin-linode", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
    }
}
