using System.Net;
using Linode.AspNetCore.Authentication.StackExchangeRedis.Tests.Infrastructure;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Tests;

/// <summary>
/// A signed-out session never comes back (server sessions on a real <c>redis-server</c>): a slow request that carried a
/// copy of the cookie, refreshed the tokens and is still reading its body when the user signs out renews nothing when it
/// ends, and the tokens it alone held are revoked. Each step waits for what it needs (a refresh grant at the emulator, a
/// key gone from Redis), never for a time a loaded machine could beat.
/// </summary>
public sealed class EndedSessionTests : IAsyncLifetime
{
    private RedisServer _redis = null!;

    public async ValueTask InitializeAsync() => _redis = await RedisServer.StartAsync();

    public ValueTask DisposeAsync() => _redis.DisposeAsync();

    [Fact]
    public async Task A_slow_request_that_refreshed_before_the_sign_out_does_not_bring_the_session_back()
    {
        await using var cluster = await StartDueSessionAsync(new ScaleOutSettings { Redis = _redis, ServerSessions = true });
        var copiedCookie = cluster.CookieHeader;
        using var body = new HeldBody();
        var slow = PostAsync(cluster, 0, "/hold", copiedCookie, body);
        await Poll.UntilAsync(() => Task.FromResult(cluster.RefreshGrants == 1), TimeSpan.FromSeconds(30), "the slow request's refresh");

        var (signOut, _) = await PostAsync(cluster, 0, "/signout", cluster.CookieHeader);
        Assert.Equal(HttpStatusCode.OK, signOut);
        body.Release();
        var (held, heldText) = await slow;

        Assert.Equal(HttpStatusCode.OK, held);
        Assert.StartsWith("held ", heldText, StringComparison.Ordinal);
        await AssertEndedEverywhereAsync(cluster, copiedCookie);
        Assert.Equal(1, cluster.RefreshGrants);
        Assert.Single(cluster.Instances[0].LogsOf(5055));
        Assert.Single(cluster.Emulator.Emulator.RequestsTo(Testing.LinodeEmulatorEndpoint.Revoke));
    }

    [Fact]
    public async Task A_slow_request_whose_refreshed_tokens_the_sign_out_never_saw_renews_nothing_and_they_are_revoked()
    {
        // The slow request refreshes on instance 0; the result it shares in Redis expires; the sign-out on instance 1 then
        // tries the used refresh token, Linode refuses it, and the user is signed out with the old token revoked. The
        // slow request's new token was never in the session the sign-out ended.
        var settings = new ScaleOutSettings
        {
            Redis = _redis,
            ServerSessions = true,
            ConfigureRedis = options =>
            {
                options.RefreshResultLifetime = TimeSpan.FromMilliseconds(200);
                options.RejectionGracePeriod = TimeSpan.FromMilliseconds(100);
            },
        };
        await using var cluster = await StartDueSessionAsync(settings);
        var copiedCookie = cluster.CookieHeader;
        using var body = new HeldBody();
        var slow = PostAsync(cluster, 0, "/hold", copiedCookie, body);
        await Poll.UntilAsync(() => Task.FromResult(cluster.RefreshGrants == 1), TimeSpan.FromSeconds(30), "the slow request's refresh");
        // Both the shared result and the refresh lock gone: a sign-out that found the lock still held would wait for it
        // (RefreshWaitTimeout) rather than call Linode, which is not the case this test is about.
        await Poll.UntilAsync(async () => (await _redis.KeysAsync(settings.KeyPrefix + "refresh:*")).Count == 0, TimeSpan.FromSeconds(30), "the shared result to expire and the lock to be released");

        var (signOut, _) = await PostAsync(cluster, 1, "/signout", cluster.CookieHeader);
        Assert.Equal(HttpStatusCode.OK, signOut);
        // On a loaded machine the sign-out may stop waiting for its refresh (TokenRefreshTimeout) before Linode answers.
        await Poll.UntilAsync(() => Task.FromResult(cluster.RefreshGrants == 2), TimeSpan.FromSeconds(30), "the sign-out's refresh");
        body.Release();
        var (held, _) = await slow;

        Assert.Equal(HttpStatusCode.OK, held);
        await AssertEndedEverywhereAsync(cluster, copiedCookie);
        Assert.Single(cluster.Instances[0].LogsOf(5055));
    }

    /// <summary>Signs in with a token that is due for refresh on the first request (a 2-minute token, a 5-minute window).</summary>
    private static async Task<ScaleOutCluster> StartDueSessionAsync(ScaleOutSettings settings)
    {
        var cluster = await ScaleOutCluster.StartAsync(settings, instances: 2);
        await cluster.SignInDueForRefreshAsync(0, 1, 0);
        return cluster;
    }

    /// <summary>The copied cookie works nowhere, no session is left in Redis, and Linode holds no live token pair.</summary>
    private async Task AssertEndedEverywhereAsync(ScaleOutCluster cluster, string copiedCookie)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await cluster.GetAsync(0, "/", copiedCookie)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cluster.GetAsync(1, "/", copiedCookie)).Status);
        Assert.Empty(await _redis.KeysAsync("*Linode.Session:*"));
        Assert.Empty(cluster.LiveTokenPairs);
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(ScaleOutCluster cluster, int instance, string path, string cookieHeader, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content ?? new StringContent(string.Empty) };
        request.Headers.Add("Cookie", cookieHeader);
        using var response = await cluster.Balancer.SendToAsync(instance, request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
