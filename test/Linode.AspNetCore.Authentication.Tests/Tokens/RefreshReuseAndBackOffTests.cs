using System.Net.Http.Json;
using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;

namespace Linode.AspNetCore.Authentication.Tests.Tokens;

/// <summary>A session across time: a request that still carries the cookie from before a refresh (another tab, a request
/// already in flight) gets the refreshed tokens for one minute and no longer; after a failure the session retries exactly
/// when its back-off ends, and waits twice as long after a second failure.</summary>
public sealed class RefreshReuseAndBackOffTests
{
    private static int RefreshCalls(LinodeTestHost host) =>
        host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Token).Count(request => request.Form["grant_type"] == "refresh_token");

    /// <summary>A request sent with the cookies the browser held before the refresh, from a browser that keeps nothing.</summary>
    private static async Task<HttpResponseMessage> ReplayAsync(LinodeTestHost host, System.Net.CookieCollection oldCookies)
    {
        using var tab = host.CreateBrowser();
        tab.Cookies.Add(oldCookies);
        return await tab.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/me"));
    }

    [Fact]
    public async Task A_request_with_the_pre_refresh_cookie_gets_the_refreshed_tokens_for_exactly_the_reuse_window()
    {
        var (host, first) = await TokenRefreshTests.SignedInAsync();
        await using var _ = host;
        var oldCookies = host.Browser.Cookies.GetAllCookies();
        host.Time.Advance(TokenRefreshTests.Due);
        var refreshed = await host.GetMeAsync();
        Assert.NotEqual(first.AccessToken, refreshed.Tokens["access_token"]);

        host.Time.Advance(LinodeRefreshRule.ReuseWindow);
        using var inside = await ReplayAsync(host, oldCookies);

        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        var reused = (await inside.Content.ReadFromJsonAsync<LinodeTestHost.MeResponse>(TestContext.Current.CancellationToken))!;
        Assert.Equal(refreshed.Tokens["access_token"], reused.Tokens["access_token"]);
        Assert.Equal(refreshed.Tokens["refresh_token"], reused.Tokens["refresh_token"]);
        Assert.Equal(1, RefreshCalls(host));

        // One tick later the refresh is forgotten: the old cookie's refresh token goes to Linode, which rotated it away.
        host.Time.Advance(TimeSpan.FromTicks(1));
        using var after = await ReplayAsync(host, oldCookies);

        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
        Assert.Equal(LinodeTestHost.LoginHost, after.Headers.Location!.Host);
        Assert.Equal(2, RefreshCalls(host));
        Assert.Equal(first.RefreshToken, host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Token)[^1].Form["refresh_token"]);
        Assert.Equal([LinodeTokenRefreshOutcome.Refreshed, LinodeTokenRefreshOutcome.Rejected], host.Refreshes.Select(result => result.Outcome));
    }

    [Fact]
    public async Task After_a_failure_the_session_retries_exactly_when_the_back_off_ends_and_a_second_failure_doubles_it()
    {
        var (host, first) = await TokenRefreshTests.SignedInAsync();
        await using var _ = host;
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(500), times: 2);
        var tick = TimeSpan.FromTicks(1);
        host.Time.Advance(TokenRefreshTests.Due);
        var firstFailureAt = host.Time.GetUtcNow();

        await host.GetMeAsync();
        host.Time.Advance(TimeSpan.FromSeconds(5) - tick);
        await host.GetMeAsync();
        Assert.Equal(1, RefreshCalls(host));

        host.Time.Advance(tick);
        await host.GetMeAsync();
        Assert.Equal(2, RefreshCalls(host));

        host.Time.Advance(TimeSpan.FromSeconds(10) - tick);
        var during = await host.GetMeAsync();
        Assert.Equal(2, RefreshCalls(host));
        Assert.Equal(first.AccessToken, during.Tokens["access_token"]);

        host.Time.Advance(tick);
        var after = await host.GetMeAsync();
        Assert.Equal(3, RefreshCalls(host));
        Assert.Equal(host.Emulator.Tokens[1].AccessToken, after.Tokens["access_token"]);

        var backOffs = host.Logs.Linode.Where(entry => entry.EventId.Id == 5026).Select(entry => entry.Formatted).ToList();
        Assert.Equal(
            [
                $"The refresh of scheme 'Linode' failed 1 time(s) in a row; this session tries again from {firstFailureAt.AddSeconds(5):o}.",
                $"The refresh of scheme 'Linode' failed 2 time(s) in a row; this session tries again from {firstFailureAt.AddSeconds(15):o}.",
            ],
            backOffs);
        Assert.Equal(
            [LinodeTokenRefreshOutcome.Failed, LinodeTokenRefreshOutcome.Failed, LinodeTokenRefreshOutcome.Refreshed],
            host.Refreshes.Select(result => result.Outcome));
    }

    [Fact]
    public async Task A_back_off_ends_at_the_access_tokens_expiry_when_that_comes_first()
    {
        var (host, _) = await TokenRefreshTests.SignedInAsync();
        await using var _ = host;
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.RateLimited(600), times: 1);
        host.Time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(30));

        await host.GetMeAsync();
        host.Time.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromTicks(1));
        await host.GetMeAsync();
        Assert.Equal(1, RefreshCalls(host));

        host.Time.Advance(TimeSpan.FromTicks(1));
        await host.GetMeAsync();
        Assert.Equal(2, RefreshCalls(host));
    }
}
