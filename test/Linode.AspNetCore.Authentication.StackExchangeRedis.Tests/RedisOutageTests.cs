using System.Net;
using Linode.AspNetCore.Authentication.StackExchangeRedis.Tests.Infrastructure;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Tests;

/// <summary>Redis stopped mid-run: no 5xx, a clear log line on each instance, and recovery when it comes back. Each test
/// has its own Redis, since it kills it.</summary>
public sealed class RedisOutageTests
{
    [Fact]
    public async Task With_server_sessions_an_outage_asks_users_to_sign_in_again_and_sign_in_works_when_Redis_returns()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var cluster = await ScaleOutCluster.StartAsync(new ScaleOutSettings { Redis = redis, ServerSessions = true });
        await cluster.SignInAsync();
        var cookie = cluster.CookieHeader;
        Assert.Equal(HttpStatusCode.OK, (await cluster.GetAsync(0, "/", cookie)).Status);

        await redis.StopAsync();
        for (var instance = 0; instance < 3; instance++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await cluster.GetAsync(instance, "/", cookie)).Status);
        }

        Assert.All(cluster.Instances.Skip(1), instance => Assert.Contains(instance.LogsOf(5050), record => record.Message.Contains("could not be reached to read a session", StringComparison.Ordinal)));

        await redis.RestartAsync();
        await Poll.UntilAsync(async () => (await cluster.GetAsync(0, "/landed", cookie)).Status == HttpStatusCode.OK && await ReconnectedAsync(cluster), TimeSpan.FromSeconds(10), "the instances to reconnect to Redis");

        // The empty Redis holds no session: the old cookie is refused (logged as not found), a new sign-in works everywhere.
        Assert.Equal(HttpStatusCode.Unauthorized, (await cluster.GetAsync(1, "/", cookie)).Status);
        await cluster.SignInAsync();
        var again = cluster.CookieHeader;
        for (var instance = 0; instance < 3; instance++)
        {
            Assert.Equal(HttpStatusCode.OK, (await cluster.GetAsync(instance, "/", again)).Status);
        }
    }

    [Fact]
    public async Task With_cookie_sessions_a_due_refresh_during_an_outage_happens_on_the_instance_alone_and_the_user_stays_signed_in()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var cluster = await ScaleOutCluster.StartAsync(new ScaleOutSettings { Redis = redis, ServerSessions = false });
        await cluster.SignInDueForRefreshAsync();
        await redis.StopAsync();

        var (status, body) = await cluster.GetAsync(0, "/", cluster.CookieHeader);

        Assert.Equal(HttpStatusCode.OK, status);
        var live = Assert.Single(cluster.LiveTokenPairs);
        Assert.EndsWith(ScaleOutInstance.TokenHash(live.AccessToken), body, StringComparison.Ordinal);
        Assert.Equal(1, cluster.RefreshGrants);
        Assert.Single(cluster.Instances[0].LogsOf(5100));
    }

    [Fact]
    public async Task With_cookie_sessions_a_due_session_on_three_instances_during_an_outage_stays_signed_in_everywhere()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var cluster = await ScaleOutCluster.StartAsync(new ScaleOutSettings { Redis = redis, ServerSessions = false });
        await cluster.SignInDueForRefreshAsync();
        var signedInWith = cluster.Emulator.Emulator.Tokens.Single().AccessToken;
        await redis.StopAsync();

        // Each instance refreshes on its own; Linode gives one of them new tokens and refuses the other two the used
        // refresh token. Those keep the session on its still valid access token instead of signing the user out.
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => cluster.GetAsync(i % 3, "/", cluster.CookieHeader)));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.Status));
        Assert.Equal(3, cluster.RefreshGrants);
        Assert.Equal(2, cluster.Instances.Sum(instance => instance.LogsOf(5028).Count > 0 ? 1 : 0));
        Assert.Contains(responses, response => response.Body.EndsWith(ScaleOutInstance.TokenHash(signedInWith), StringComparison.Ordinal));
        Assert.Empty(cluster.Emulator.Emulator.RequestsTo(Testing.LinodeEmulatorEndpoint.Revoke));
    }

    /// <summary>Whether every instance's session store works again: reading the old session logs "not found" (5051), not
    /// "could not be reached" (5050).</summary>
    private static async Task<bool> ReconnectedAsync(ScaleOutCluster cluster)
    {
        for (var instance = 0; instance < cluster.Instances.Count; instance++)
        {
            var before = cluster.Instances[instance].LogsOf(5050).Count;
            var (status, _) = await cluster.GetAsync(instance, "/", cluster.CookieHeader);
            if (status != HttpStatusCode.Unauthorized || cluster.Instances[instance].LogsOf(5050).Count != before)
            {
                return false;
            }
        }

        return true;
    }
}
