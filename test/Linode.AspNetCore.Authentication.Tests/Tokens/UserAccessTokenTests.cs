using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;

namespace Linode.AspNetCore.Authentication.Tests.Tokens;

public sealed class UserAccessTokenTests
{
    private static async Task<LinodeTestHost> SignedInAsync(Action<LinodeOptions>? configure = null)
    {
        var host = await LinodeTestHost.StartAsync(options =>
        {
            options.Scope.Add(LinodeScopes.Linodes.ReadOnly);
            configure?.Invoke(options);
        });
        using (await host.SignInAsync())
        {
        }

        return host;
    }

    [Fact]
    public async Task The_typed_client_calls_the_api_with_the_users_token()
    {
        await using var host = await SignedInAsync();

        var labels = await host.GetTextAsync("/linodes");

        Assert.Equal("web-1,db-1", labels);
        var request = Assert.Single(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.LinodeInstances));
        Assert.Equal("Bearer " + host.Emulator.Tokens.Single().AccessToken, request.Headers["Authorization"]);
        Assert.Equal("api.linode.com", request.Headers["Host"]);
        Assert.Equal("/v4/linode/instances", request.Path);
        Assert.Equal("application/json", request.Headers["Accept"]);
        Assert.Matches(@"^Linode\.AspNetCore\.Authentication/", request.Headers["User-Agent"]);
    }

    [Fact]
    public async Task Two_users_signed_in_at_once_each_call_with_their_own_token()
    {
        await using var host = await SignedInAsync();
        host.Emulator.Options.ApprovingUser = "restrictedUser";
        using var other = host.CreateBrowser();
        await LinodeTestHost.GetMeAsync(other);

        var mine = await host.GetTextAsync("/linodes");
        var theirs = await host.GetTextAsync("/linodes", other);

        Assert.Equal("web-1,db-1", mine);
        Assert.Equal("lab-box", theirs);
        var bearers = host.Emulator.RequestsTo(LinodeEmulatorEndpoint.LinodeInstances).Select(request => request.Headers["Authorization"]).ToList();
        Assert.Equal(["Bearer " + host.Emulator.Tokens[0].AccessToken, "Bearer " + host.Emulator.Tokens[1].AccessToken], bearers);
    }

    [Fact]
    public async Task A_missing_scope_is_a_typed_exception_naming_the_scope_needed()
    {
        await using var host = await LinodeTestHost.StartAsync(options => options.Scope.Add(LinodeScopes.Domains.ReadOnly));
        using (await host.SignInAsync())
        {
        }

        Assert.Equal("missing-scope:linodes:read_only|domains:read_only", await host.GetTextAsync("/linodes"));
    }

    [Fact]
    public async Task A_revoked_token_is_an_invalid_token_exception()
    {
        await using var host = await SignedInAsync();
        using (await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, LinodeTestHost.AppBase + "/revoke")))
        {
        }

        Assert.Equal("invalid-token|Invalid Token|Linode refused the access token: Invalid Token.", await host.GetTextAsync("/linodes"));
    }

    [Fact]
    public async Task Rate_limiting_is_a_typed_exception_with_retry_after()
    {
        await using var host = await SignedInAsync();
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.LinodeInstances, LinodeEmulatorFault.RateLimited(30), times: 1);

        Assert.Equal("rate-limited:30", await host.GetTextAsync("/linodes"));
    }

    [Fact]
    public async Task Without_a_signed_in_Linode_user_there_is_no_token_to_send()
    {
        await using var host = await LinodeTestHost.StartAsync();

        Assert.Equal("invalid-token||No user signed in with Linode (or no saved access token: is SaveTokens on?).", await host.GetTextAsync("/linodes"));
        Assert.Empty(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.LinodeInstances));
    }

    [Fact]
    public async Task A_due_token_is_refreshed_before_the_api_call()
    {
        await using var host = await SignedInAsync(options => options.AutomaticTokenRefresh = true);
        host.Time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1));

        var labels = await host.GetTextAsync("/linodes");

        Assert.Equal("web-1,db-1", labels);
        Assert.Equal("Bearer " + host.Emulator.Tokens[1].AccessToken, Assert.Single(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.LinodeInstances)).Headers["Authorization"]);
    }

    [Fact]
    public async Task The_current_token_is_available_outside_HttpClient()
    {
        await using var host = await SignedInAsync();

        Assert.Equal(host.Emulator.Tokens.Single().AccessToken, await host.GetTextAsync("/token"));
        using var anonymous = host.CreateBrowser();
        Assert.Equal("none", await host.GetTextAsync("/token", anonymous));
    }

    [Theory]
    [InlineData("{}", "linodes:read_write", "linodes:read_only", "missing-scope:linodes:read_write|linodes:read_only")]
    [InlineData("{}", "linodes:read_only", null, "invalid-token||Linode refused the access token: 401 Unauthorized.")]
    [InlineData("{}", "", "linodes:read_only", "invalid-token||Linode refused the access token: 401 Unauthorized.")]
    [InlineData("{}", "linodes:read_only linodes:read_write", "linodes:read_only", "invalid-token||Linode refused the access token: 401 Unauthorized.")]
    [InlineData("{\"errors\":[{\"reason\":\"Invalid Token\"}]}", "linodes:read_only", "linodes:read_only", "invalid-token|Invalid Token|Linode refused the access token: Invalid Token.")]
    public async Task Without_Linodes_reason_text_the_scope_headers_decide(string body, string accepted, string? granted, string expected)
    {
        await using var host = await SignedInAsync();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-Accepted-OAuth-Scopes"] = accepted };
        if (granted is not null)
        {
            headers["X-OAuth-Scopes"] = granted;
        }

        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.LinodeInstances, new LinodeEmulatorFault { StatusCode = 401, Body = body, Headers = headers }, times: 1);

        Assert.Equal(expected, await host.GetTextAsync("/linodes"));
    }
}
