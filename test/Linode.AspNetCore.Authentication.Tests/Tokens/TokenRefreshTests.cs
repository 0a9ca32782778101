using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;

namespace Linode.AspNetCore.Authentication.Tests.Tokens;

public sealed class TokenRefreshTests
{
    /// <summary>How many refresh grants reached the emulator's token endpoint.</summary>
    internal static int RefreshGrants(LinodeTestHost host) =>
        host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Token).Count(request => request.Form["grant_type"] == "refresh_token");

    /// <summary>How far to advance the clock after sign-in for the token to be inside the refresh window (4 min left).</summary>
    internal static readonly TimeSpan Due = TimeSpan.FromHours(2) - TimeSpan.FromMinutes(4);

    /// <summary>A host with automatic refresh on and one user signed in; returns the token of that sign-in.</summary>
    internal static async Task<(LinodeTestHost Host, LinodeEmulatorToken First)> SignedInAsync(Action<LinodeOptions>? configure = null)
    {
        var host = await LinodeTestHost.StartAsync(options =>
        {
            options.AutomaticTokenRefresh = true;
            configure?.Invoke(options);
        });
        using (await host.SignInAsync())
        {
        }

        return (host, Assert.Single(host.Emulator.Tokens));
    }

    private static List<LinodeEmulatorRequest> Refreshes(LinodeTestHost host) =>
        host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Token).Where(request => request.Form["grant_type"] == "refresh_token").ToList();

    [Fact]
    public async Task Nothing_is_refreshed_while_the_token_is_not_due()
    {
        var (host, first) = await SignedInAsync();
        await using var _ = host;
        host.Time.Advance(TimeSpan.FromMinutes(110));

        var me = await host.GetMeAsync();

        Assert.Empty(Refreshes(host));
        Assert.Equal(first.AccessToken, me.Tokens["access_token"]);
    }

    [Fact]
    public async Task A_due_token_is_refreshed_with_the_refresh_grant_in_a_form_body()
    {
        var (host, first) = await SignedInAsync();
        await using var _ = host;
        host.Time.Advance(Due);

        var me = await host.GetMeAsync();

        var request = Assert.Single(Refreshes(host));
        Assert.Equal(["client_id", "client_secret", "grant_type", "refresh_token"], request.Form.Keys.Order());
        Assert.Equal(first.RefreshToken, request.Form["refresh_token"]);
        Assert.Equal(LinodeEmulatorClient.DefaultClientId, request.Form["client_id"]);
        Assert.Equal(LinodeEmulatorClient.DefaultClientSecret, request.Form["client_secret"]);
        Assert.Equal(string.Empty, request.QueryString);
        var second = host.Emulator.Tokens[1];
        Assert.Equal(second.AccessToken, me.Tokens["access_token"]);
        Assert.Equal(second.RefreshToken, me.Tokens["refresh_token"]);
        Assert.Equal(host.Time.GetUtcNow().AddHours(2), DateTimeOffset.Parse(me.Tokens["expires_at"], System.Globalization.CultureInfo.InvariantCulture));
        var result = Assert.Single(host.Refreshes);
        Assert.Equal(LinodeTokenRefreshOutcome.Refreshed, result.Outcome);
        Assert.Contains(host.Logs.Linode, entry => entry.EventId.Id == 5020);
    }

    [Fact]
    public async Task The_rotated_refresh_token_is_the_one_used_next_time()
    {
        var (host, first) = await SignedInAsync();
        await using var _ = host;
        host.Time.Advance(Due);
        await host.GetMeAsync();
        host.Time.Advance(Due);

        var me = await host.GetMeAsync();

        var refreshes = Refreshes(host);
        Assert.Equal(2, refreshes.Count);
        Assert.Equal(first.RefreshToken, refreshes[0].Form["refresh_token"]);
        Assert.Equal(host.Emulator.Tokens[1].RefreshToken, refreshes[1].Form["refresh_token"]);
        Assert.Equal(host.Emulator.Tokens[2].AccessToken, me.Tokens["access_token"]);
        Assert.True(host.Emulator.Tokens[0].IsRefreshTokenDead);
        Assert.True(host.Emulator.Tokens[1].IsRefreshTokenDead);
    }

    [Fact]
    public async Task Fifty_parallel_requests_of_one_session_make_exactly_one_refresh()
    {
        var (host, _) = await SignedInAsync();
        await using var __ = host;
        host.Time.Advance(Due);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => host.GetTextAsync("/token")));

        Assert.Single(Refreshes(host));
        var refreshed = host.Emulator.Tokens[1].AccessToken;
        Assert.All(responses, token => Assert.Equal(refreshed, token));
        Assert.Single(host.Refreshes);
    }

    [Fact]
    public async Task A_refused_refresh_token_signs_the_user_out()
    {
        var (host, first) = await SignedInAsync();
        await using var _ = host;
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(400, "{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token was revoked.\"}"), times: 1);
        host.Time.Advance(Due);

        using var response = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/me"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(LinodeTestHost.LoginHost, response.Headers.Location!.Host);
        Assert.DoesNotContain(host.Browser.Cookies.GetAllCookies(), cookie => cookie.Name == ".AspNetCore.Cookies" && !cookie.Expired);
        var result = Assert.Single(host.Refreshes);
        Assert.Equal(LinodeTokenRefreshOutcome.Rejected, result.Outcome);
        Assert.Equal("invalid_grant", result.Error);
        Assert.Contains(host.Logs.Linode, entry => entry.EventId.Id == 5021);
        Assert.False(host.Emulator.IsAccessTokenActive(first.AccessToken));
    }

    [Fact]
    public async Task A_refresh_token_revoked_at_Linode_signs_the_user_out()
    {
        var (host, first) = await SignedInAsync();
        await using var _ = host;
        using var http = new HttpClient(host.Emulator.CreateHttpMessageHandler());
        using var revoke = await http.PostAsync("https://login.linode.com/oauth/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = LinodeEmulatorClient.DefaultClientId, ["client_secret"] = LinodeEmulatorClient.DefaultClientSecret, ["token"] = first.RefreshToken!,
        }), TestContext.Current.CancellationToken);
        host.Time.Advance(Due);

        using var response = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/me"));

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(LinodeTokenRefreshOutcome.Rejected, Assert.Single(host.Refreshes).Outcome);
    }

    [Theory]
    [InlineData("500")]
    [InlineData("429")]
    [InlineData("timeout")]
    public async Task A_transient_failure_keeps_the_session_and_a_request_after_the_back_off_retries(string kind)
    {
        var (host, first) = await SignedInAsync(options => options.BackchannelTimeout = TimeSpan.FromMilliseconds(400));
        await using var _ = host;
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, kind switch
        {
            "500" => LinodeEmulatorFault.Status(500),
            "429" => LinodeEmulatorFault.RateLimited(5),
            _ => LinodeEmulatorFault.Slow(TimeSpan.FromSeconds(10)),
        }, times: 1);
        host.Time.Advance(Due);

        var during = await host.GetMeAsync();
        host.Time.Advance(TimeSpan.FromSeconds(6)); // past the session's back-off (5 s, or Retry-After: 5)
        var after = await host.GetMeAsync();

        Assert.Equal(first.AccessToken, during.Tokens["access_token"]);
        Assert.Equal(host.Emulator.Tokens[1].AccessToken, after.Tokens["access_token"]);
        Assert.Equal([LinodeTokenRefreshOutcome.Failed, LinodeTokenRefreshOutcome.Refreshed], host.Refreshes.Select(result => result.Outcome));
        Assert.Contains(host.Logs.Linode, entry => entry.EventId.Id == 5022);
    }

    [Fact]
    public async Task Changed_scopes_on_refresh_replace_the_scope_claims()
    {
        var (host, _) = await SignedInAsync(options => options.Scope.Add(LinodeScopes.Linodes.ReadOnly));
        await using var __ = host;
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(
            200,
            "{\"access_token\":\"" + new string('a', 64) + "\",\"token_type\":\"bearer\",\"expires_in\":7200,\"refresh_token\":\"" + new string('b', 64) + "\",\"scopes\":\"linodes:read_write events:read_only\"}"),
            times: 1);
        host.Time.Advance(Due);

        var me = await host.GetMeAsync();

        Assert.Equal(["linodes:read_write", "events:read_only"], me.ValuesOf(LinodeClaimTypes.Scope));
        Assert.Equal(new string('a', 64), me.Tokens["access_token"]);
        Assert.Equal("exampleUser", Assert.Single(me.ValuesOf(System.Security.Claims.ClaimTypes.Name)));
    }

    [Fact]
    public async Task Without_automatic_refresh_an_expired_token_is_left_alone()
    {
        await using var host = await LinodeTestHost.StartAsync();
        using (await host.SignInAsync())
        {
        }

        host.Time.Advance(TimeSpan.FromHours(3));

        await host.GetMeAsync();

        Assert.Empty(Refreshes(host));
        Assert.Empty(host.Refreshes);
    }
}
