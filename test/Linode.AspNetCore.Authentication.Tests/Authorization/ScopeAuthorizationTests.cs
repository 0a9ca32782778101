using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Linode.AspNetCore.Authentication.Tests.Authorization;

public sealed class ScopeAuthorizationTests
{
    private static async Task<LinodeTestHost> SignedInWithAsync(params string[] scopes)
    {
        var host = await LinodeTestHost.StartAsync(options =>
        {
            foreach (var scope in scopes)
            {
                options.Scope.Add(scope);
            }
        });
        using (await host.SignInAsync())
        {
        }

        return host;
    }

    private static async Task<HttpResponseMessage> GetAsync(LinodeTestHost host, string path) =>
        await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + path));

    [Theory]
    [InlineData("linodes:read_only", "/scoped/read", HttpStatusCode.OK)]
    [InlineData("linodes:read_write", "/scoped/read", HttpStatusCode.OK)]
    [InlineData("linodes:*", "/scoped/read", HttpStatusCode.OK)]
    [InlineData("*", "/scoped/read", HttpStatusCode.OK)]
    [InlineData("domains:read_write", "/scoped/read", HttpStatusCode.Found)]
    [InlineData("linodes:read_write", "/scoped/write-no-step-up", HttpStatusCode.OK)]
    [InlineData("linodes:read_only", "/scoped/write-no-step-up", HttpStatusCode.Found)]
    [InlineData("volumes:read_only", "/scoped/policy", HttpStatusCode.OK)]
    [InlineData("volumes:read_write", "/scoped/policy", HttpStatusCode.OK)]
    [InlineData("linodes:read_only", "/scoped/policy", HttpStatusCode.Found)]
    public async Task The_attribute_the_endpoint_helper_and_the_policy_check_the_granted_scopes(string granted, string path, HttpStatusCode expected)
    {
        await using var host = await SignedInWithAsync(granted);

        using var response = await GetAsync(host, path);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Found)
        {
            Assert.Equal("/forbidden", response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task A_forbidden_user_lands_on_a_page_naming_the_missing_scopes()
    {
        await using var host = await SignedInWithAsync(LinodeScopes.Linodes.ReadOnly);

        using var response = await host.Browser.GetAsync(LinodeTestHost.AppBase + "/scoped/policy");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("forbidden /scoped/policy missing=volumes:read_only", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Step_up_asks_Linode_for_the_union_and_comes_back_with_both_scopes()
    {
        await using var host = await SignedInWithAsync(LinodeScopes.Linodes.ReadOnly);

        using var challenge = await GetAsync(host, "/scoped/write");
        var query = QueryHelpers.ParseQuery(challenge.Headers.Location!.Query);
        using var response = await host.Browser.GetAsync(challenge.Headers.Location.ToString());
        var me = await host.GetMeAsync();

        Assert.Equal(HttpStatusCode.Found, challenge.StatusCode);
        Assert.Equal(LinodeTestHost.LoginHost, challenge.Headers.Location.Host);
        Assert.Equal("linodes:read_only,linodes:read_write", query["scope"].ToString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("write ok", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("/scoped/write", host.Browser.History[^2].Uri.AbsolutePath);
        Assert.Equal(["linodes:read_only", "linodes:read_write"], me.ValuesOf(LinodeClaimTypes.Scope));
        Assert.Equal(2, host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Authorize).Count);
        Assert.False(host.Emulator.IsAccessTokenActive(host.Emulator.Tokens[0].AccessToken), "the token the step-up replaced is revoked");
        Assert.True(host.Emulator.IsAccessTokenActive(host.Emulator.Tokens[1].AccessToken));
    }

    [Fact]
    public async Task When_Linode_grants_less_the_user_is_forbidden_with_the_scope_named_and_not_sent_around_again()
    {
        await using var host = await SignedInWithAsync(LinodeScopes.Linodes.ReadOnly);
        host.Emulator.Options.GrantedScopes = [LinodeScopes.Linodes.ReadOnly];

        using var response = await host.Browser.GetAsync(LinodeTestHost.AppBase + "/scoped/write");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("forbidden /scoped/write missing=linodes:read_write", body);
        Assert.Equal(2, host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Authorize).Count);
        using var again = await GetAsync(host, "/scoped/write");
        Assert.Equal("/forbidden", again.Headers.Location!.AbsolutePath);
        Assert.Equal(2, host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Authorize).Count);
    }

    [Fact]
    public async Task Declining_the_step_up_keeps_the_earlier_session()
    {
        await using var host = await SignedInWithAsync(LinodeScopes.Linodes.ReadOnly);
        host.Emulator.Options.ConsentMode = LinodeEmulatorConsentMode.AutoDeny;

        using var response = await host.Browser.GetAsync(LinodeTestHost.AppBase + "/scoped/write");
        using var read = await GetAsync(host, "/scoped/read");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("access was denied", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task A_requirement_that_also_fails_for_another_reason_is_not_stepped_up()
    {
        await using var host = await SignedInWithAsync(LinodeScopes.Linodes.ReadOnly);

        using var response = await GetAsync(host, "/scoped/admin-writer");

        Assert.Equal("/forbidden", response.Headers.Location!.AbsolutePath);
        Assert.Single(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Authorize));
    }

    [Fact]
    public async Task A_user_signed_in_with_another_scheme_is_simply_forbidden()
    {
        await using var host = await LinodeTestHost.StartAsync();
        using (await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, LinodeTestHost.AppBase + "/local-signin")))
        {
        }

        using var response = await GetAsync(host, "/scoped/write");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/forbidden", response.Headers.Location!.AbsolutePath);
        Assert.Contains("missing_scopes=linodes%3Aread_write", response.Headers.Location.Query, StringComparison.Ordinal);
        Assert.Empty(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Authorize));
    }

    [Fact]
    public async Task An_anonymous_user_is_challenged_as_usual()
    {
        await using var host = await LinodeTestHost.StartAsync();

        using var response = await GetAsync(host, "/scoped/write");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(LinodeTestHost.LoginHost, response.Headers.Location!.Host);
    }

    [Fact]
    public async Task The_explicit_api_asks_for_more_scopes_on_demand()
    {
        await using var host = await SignedInWithAsync(LinodeScopes.Linodes.ReadOnly);

        using var challenge = await GetAsync(host, "/grant-write");
        using var response = await host.Browser.GetAsync(challenge.Headers.Location!.ToString());

        Assert.Equal("linodes:read_only,linodes:read_write", QueryHelpers.ParseQuery(challenge.Headers.Location.Query)["scope"].ToString());
        Assert.Equal("write ok", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
