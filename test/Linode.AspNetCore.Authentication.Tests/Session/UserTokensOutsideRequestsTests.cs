using System.Net;
using System.Security.Claims;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Linode.AspNetCore.Authentication.Tests.Tokens;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Tests.Session;

/// <summary>
/// <see cref="LinodeUserTokens"/>: the token of a signed-in user for code that has no request (a Blazor circuit, a hosted
/// service), read from the server-side session with the rules a request follows: refreshed once when due and stored back
/// for the session's requests, shared with concurrent requests, ended by sign-out or a refused refresh, never guessed.
/// </summary>
public sealed class UserTokensOutsideRequestsTests
{
    private static async Task<(LinodeTestHost Host, FaultyDistributedCache Cache, ClaimsPrincipal User)> SignedInAsync(bool serverSide = true)
    {
        var cache = new FaultyDistributedCache();
        var host = await LinodeTestHost.StartAsync(addSchemes: (authentication, test) =>
        {
            authentication.Services.AddSingleton<IDistributedCache>(cache);
            authentication.AddLinode(options =>
            {
                options.AutomaticTokenRefresh = true;
                test.Instrument(options);
            });
            if (serverSide)
            {
                authentication.AddLinodeDistributedSessions();
            }
        });
        using (await host.SignInAsync())
        {
        }

        return (host, cache, await KeptPrincipalAsync(host));
    }

    /// <summary>The user as code outside the request keeps it: the claims of the signed-in principal, nothing else.</summary>
    private static async Task<ClaimsPrincipal> KeptPrincipalAsync(LinodeTestHost host)
    {
        var me = await host.GetMeAsync();
        return new ClaimsPrincipal(new ClaimsIdentity(me.Claims.Select(claim => new Claim(claim.Type, claim.Value, claim.ValueType, claim.Issuer)), "Linode"));
    }

    private static LinodeUserTokens Tokens(LinodeTestHost host) => host.Services.GetRequiredService<LinodeUserTokens>();

    [Fact]
    public async Task The_signed_in_users_token_is_given_without_a_request_and_the_principal_never_holds_the_session_key()
    {
        var (host, cache, user) = await SignedInAsync();
        await using var _ = host;

        var token = await Tokens(host).GetAccessTokenAsync(user, TestContext.Current.CancellationToken);

        Assert.Equal(Assert.Single(host.Emulator.Tokens).AccessToken, token);
        Assert.Equal(0, TokenRefreshTests.RefreshGrants(host));
        var sessionKey = cache.Writes.First().Key["Linode.Session:".Length..];
        Assert.Contains(user.Claims, claim => claim.Type == "urn:linode:session");
        Assert.DoesNotContain(user.Claims, claim => claim.Value.Contains(sessionKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_due_token_is_refreshed_once_and_stored_back_so_a_later_request_uses_it_without_another_grant()
    {
        var (host, _, user) = await SignedInAsync();
        await using var _ = host;
        host.Time.Advance(TokenRefreshTests.Due);

        var token = await Tokens(host).GetAccessTokenAsync(user, TestContext.Current.CancellationToken);
        var again = await Tokens(host).GetAccessTokenAsync(user, TestContext.Current.CancellationToken);
        host.Time.Advance(TimeSpan.FromMinutes(2)); // past the window in which a request may reuse the refresh's result
        var me = await host.GetMeAsync();

        Assert.Equal(1, TokenRefreshTests.RefreshGrants(host));
        Assert.Equal(host.Emulator.Tokens[^1].AccessToken, token);
        Assert.True(host.Emulator.IsAccessTokenActive(token));
        Assert.Equal(token, again);
        Assert.Equal(token, me.Tokens["access_token"]);
    }

    [Fact]
    public async Task Calls_outside_requests_and_requests_of_the_session_at_once_make_one_refresh_grant()
    {
        var (host, _, user) = await SignedInAsync();
        await using var _ = host;
        host.Time.Advance(TokenRefreshTests.Due);
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Slow(TimeSpan.FromMilliseconds(300)), times: 1);

        var outside = Enumerable.Range(0, 4).Select(_ => Tokens(host).GetAccessTokenAsync(user, TestContext.Current.CancellationToken)).ToList();
        var requests = Enumerable.Range(0, 2).Select(_ => host.GetMeAsync()).ToList();
        var tokens = await Task.WhenAll(outside);
        var pages = await Task.WhenAll(requests);

        Assert.Equal(1, TokenRefreshTests.RefreshGrants(host));
        Assert.Single(tokens.Distinct());
        Assert.All(pages, page => Assert.Equal(tokens[0], page.Tokens["access_token"]));
    }

    [Fact]
    public async Task A_second_sign_in_over_the_live_session_a_step_up_keeps_the_session_reachable_with_the_new_token()
    {
        var (host, _, _) = await SignedInAsync();
        await using var _ = host;

        using (await host.SignInAsync("/challenge-to?returnUrl=%2Fme"))
        {
        }

        var user = await KeptPrincipalAsync(host);
        var token = await Tokens(host).GetAccessTokenAsync(user, TestContext.Current.CancellationToken);

        Assert.Equal(2, host.Emulator.Tokens.Count);
        Assert.Equal(host.Emulator.Tokens[^1].AccessToken, token);
        Assert.Single(user.FindAll("urn:linode:session"));
    }

    [Fact]
    public async Task After_sign_out_there_is_no_token_and_no_call_to_Linode()
    {
        var (host, _, user) = await SignedInAsync();
        await using var _ = host;
        using (await host.SignOutAsync())
        {
        }

        var calls = host.Emulator.Requests.Count;
        var ended = await Assert.ThrowsAsync<LinodeInvalidTokenException>(() => Tokens(host).GetAccessTokenAsync(user, TestContext.Current.CancellationToken));

        Assert.Contains("session has ended", ended.Message, StringComparison.Ordinal);
        Assert.Equal(calls, host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task A_refresh_Linode_refuses_ends_the_session_everywhere_and_revokes_its_token()
    {
        var (host, _, user) = await SignedInAsync();
        await using var _ = host;
        var first = Assert.Single(host.Emulator.Tokens);
        host.Time.Advance(TokenRefreshTests.Due);
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(400, "{\"error\":\"invalid_grant\"}"), times: 1);

        await Assert.ThrowsAsync<LinodeInvalidTokenException>(() => Tokens(host).GetAccessTokenAsync(user, TestContext.Current.CancellationToken));
        using var page = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/me"));

        Assert.Equal(first.AccessToken, Assert.Single(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke)).Form["token"]);
        Assert.Equal(HttpStatusCode.Found, page.StatusCode);
        Assert.Equal("login.linode.com", page.Headers.Location?.Host);
        await Assert.ThrowsAsync<LinodeInvalidTokenException>(() => Tokens(host).GetAccessTokenAsync(user, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_expired_session_gives_no_token()
    {
        var (host, _, user) = await SignedInAsync();
        await using var _ = host;
        host.Time.Advance(TimeSpan.FromDays(15));

        await Assert.ThrowsAsync<LinodeInvalidTokenException>(() => Tokens(host).GetAccessTokenAsync(user, TestContext.Current.CancellationToken));
        Assert.Equal(0, TokenRefreshTests.RefreshGrants(host));
    }

    [Fact]
    public async Task Nobody_signed_in_or_a_handle_this_app_cannot_read_means_no_token()
    {
        var (host, _, user) = await SignedInAsync();
        await using var _ = host;
        var forged = new ClaimsPrincipal(new ClaimsIdentity(
            user.Claims.Where(claim => claim.Type != "urn:linode:session").Append(new Claim("urn:linode:session", "CfDJ8-not-protected-by-this-app")), "Linode"));

        var anonymous = await Assert.ThrowsAsync<LinodeInvalidTokenException>(() => Tokens(host).GetAccessTokenAsync(new ClaimsPrincipal(new ClaimsIdentity()), TestContext.Current.CancellationToken));
        var unreadable = await Assert.ThrowsAsync<LinodeInvalidTokenException>(() => Tokens(host).GetAccessTokenAsync(forged, TestContext.Current.CancellationToken));

        Assert.Equal("No user is signed in with Linode.", anonymous.Message);
        Assert.Contains("session has ended", unreadable.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentNullException>(() => Tokens(host).GetAccessTokenAsync(null!, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_cookie_that_keeps_its_session_in_the_browser_gets_a_message_naming_the_line_to_add()
    {
        var (host, _, user) = await SignedInAsync(serverSide: false);
        await using var _ = host;

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Tokens(host).GetAccessTokenAsync(user, TestContext.Current.CancellationToken));

        Assert.Contains(".AddLinodeDistributedSessions()", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Claims, claim => claim.Type == "urn:linode:session");
    }
}
