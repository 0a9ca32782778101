using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;

namespace Linode.AspNetCore.Authentication.Tests.SignIn;

/// <summary>What the handler sends to Linode: asserted on the emulator's records, not on our own answers.</summary>
public sealed class BackchannelRequestTests
{
    [Fact]
    public async Task The_code_exchange_posts_a_form_with_the_credentials_in_the_body()
    {
        await using var host = await LinodeTestHost.StartAsync();
        using var response = await host.SignInAsync();

        var request = Assert.Single(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Token));
        var code = Assert.Single(host.Browser.History, hop => hop.Uri.AbsolutePath == "/signin-linode").Uri;

        Assert.Equal("POST", request.Method);
        Assert.Equal("/oauth/token", request.Path);
        Assert.Equal(string.Empty, request.QueryString);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(["client_id", "client_secret", "code", "grant_type", "redirect_uri"], request.Form.Keys.Order());
        Assert.Equal(LinodeEmulatorClient.DefaultClientId, request.Form["client_id"]);
        Assert.Equal(LinodeEmulatorClient.DefaultClientSecret, request.Form["client_secret"]);
        Assert.Equal("authorization_code", request.Form["grant_type"]);
        Assert.Equal("https://app.test/signin-linode", request.Form["redirect_uri"]);
        Assert.Contains("code=" + request.Form["code"], code.Query, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{20}$", request.Form["code"]);
    }

    [Fact]
    public async Task Back_channel_calls_send_json_accept_and_a_versioned_user_agent()
    {
        await using var host = await LinodeTestHost.StartAsync();
        using var response = await host.SignInAsync();

        foreach (var request in host.Emulator.Requests.Where(request => request.Endpoint is LinodeEmulatorEndpoint.Token or LinodeEmulatorEndpoint.Profile))
        {
            Assert.Equal("application/json", request.Headers["Accept"]);
            Assert.Matches(@"^Linode\.AspNetCore\.Authentication/\d+\.\d+\.\d+", request.Headers["User-Agent"]);
        }
    }

    [Fact]
    public async Task The_profile_is_fetched_with_the_new_token_as_a_bearer()
    {
        await using var host = await LinodeTestHost.StartAsync();
        using var response = await host.SignInAsync();

        var request = Assert.Single(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Profile));
        var token = Assert.Single(host.Emulator.Tokens);

        Assert.Equal("GET", request.Method);
        Assert.Equal("/v4/profile", request.Path);
        Assert.Equal("Bearer " + token.AccessToken, request.Headers["Authorization"]);
        Assert.Equal("api.linode.com", request.Headers["Host"]);
    }

    [Fact]
    public async Task A_sign_in_makes_exactly_two_back_channel_calls()
    {
        await using var host = await LinodeTestHost.StartAsync();
        using var response = await host.SignInAsync();

        Assert.Equal(
            [LinodeEmulatorEndpoint.Authorize, LinodeEmulatorEndpoint.Token, LinodeEmulatorEndpoint.Profile],
            host.Emulator.Requests.Select(request => request.Endpoint));
    }
}
