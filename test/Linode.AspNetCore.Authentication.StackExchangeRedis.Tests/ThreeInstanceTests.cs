using System.Net;
using Linode.AspNetCore.Authentication.StackExchangeRedis.Tests.Infrastructure;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Tests;

/// <summary>
/// The acceptance test: three app instances (Kestrel, separate hosts) behind a load balancer, one Redis, one
/// Linode emulator. Sign-in hops between instances; with the token due, 30 concurrent requests of one session spread over
/// the three make exactly one refresh grant, sign nobody out and leave no live token pair that the session does not hold;
/// sign-out on one instance revokes the token and (with server-side sessions) ends the session on all of them.
/// </summary>
public sealed class ThreeInstanceTests : IAsyncLifetime
{
    private RedisServer _redis = null!;

    public async ValueTask InitializeAsync() => _redis = await RedisServer.StartAsync();

    public ValueTask DisposeAsync() => _redis.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task One_session_on_three_instances_refreshes_once_and_ends_with_one_live_token(bool serverSessions)
    {
        await using var cluster = await ScaleOutCluster.StartAsync(new ScaleOutSettings { Redis = _redis, ServerSessions = serverSessions });
        var emulator = cluster.Emulator.Emulator;
        var user = emulator.Options.Users[0].Username;

        // A token that is due as soon as it is issued (2 minutes left, the refresh window is 5).
        emulator.Options.AccessTokenLifetime = TimeSpan.FromMinutes(2);
        await cluster.SignInAsync(challengeOn: 0, callbackOn: 1, landOn: 2);
        Assert.Equal([(0, "/challenge"), (1, "/signin-linode"), (2, "/landed")], cluster.Balancer.Served.ToArray());
        var signedIn = Assert.Single(cluster.LiveTokenPairs);

        // The refreshed token is not due again, so every refresh grant below is one the coordination let through.
        emulator.Options.AccessTokenLifetime = TimeSpan.FromHours(2);
        var cookie = cluster.CookieHeader;
        var burst = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => cluster.GetAsync(i % 3, "/", cookie)));

        Assert.Equal(1, cluster.RefreshGrants);
        var refreshed = Assert.Single(cluster.LiveTokenPairs);
        Assert.NotEqual(signedIn.AccessToken, refreshed.AccessToken);
        var expected = user + " " + ScaleOutInstance.TokenHash(refreshed.AccessToken);
        Assert.All(burst, response => Assert.Equal((HttpStatusCode.OK, expected), response));

        // Every instance now uses the new token, even for the cookie the browser had before the refresh.
        for (var instance = 0; instance < 3; instance++)
        {
            Assert.Equal((HttpStatusCode.OK, expected), await cluster.GetAsync(instance, "/", cookie));
        }

        Assert.Equal(1, cluster.RefreshGrants);
        Assert.All(cluster.Instances, instance => Assert.Empty(instance.LogsOf(5021)));

        // Sign-out on C revokes the token the session holds.
        using (var signOut = new HttpRequestMessage(HttpMethod.Post, "/signout"))
        {
            signOut.Headers.Add("Cookie", cookie);
            using var response = await cluster.Balancer.SendToAsync(2, signOut, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.False(emulator.IsAccessTokenActive(refreshed.AccessToken));
        Assert.Empty(cluster.LiveTokenPairs);

        // With server-side sessions the copied cookie is refused everywhere; a cookie session cannot be recalled (its
        // token is revoked, but the cookie itself still authenticates until it expires: the reason to store sessions).
        var replay = serverSessions ? HttpStatusCode.Unauthorized : HttpStatusCode.OK;
        Assert.Equal(replay, (await cluster.GetAsync(0, "/", cookie)).Status);
        Assert.Equal(replay, (await cluster.GetAsync(1, "/", cookie)).Status);
    }

    [Fact]
    public async Task Server_sessions_shrink_the_cookie_below_one_kilobyte()
    {
        var sizes = new Dictionary<bool, int>();
        foreach (var serverSessions in new[] { false, true })
        {
            await using var cluster = await ScaleOutCluster.StartAsync(new ScaleOutSettings { Redis = _redis, ServerSessions = serverSessions }, instances: 1);
            await cluster.SignInAsync(0, 0, 0);
            sizes[serverSessions] = cluster.AuthenticationCookieLength;
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"cookie: {sizes[false]} bytes; server session: {sizes[true]} bytes");
        Assert.InRange(sizes[true], 1, 1023);
        Assert.True(sizes[false] > 2 * sizes[true], $"cookie {sizes[false]} B vs server session {sizes[true]} B");
    }
}
