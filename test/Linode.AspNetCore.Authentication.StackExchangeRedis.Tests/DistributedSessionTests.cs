using System.Net;
using System.Text;
using Linode.AspNetCore.Authentication.StackExchangeRedis.Tests.Infrastructure;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Tests;

/// <summary>Server-side sessions on Redis: what is stored (protected, with the ticket's expiry), sliding and absolute
/// expiry matching the cookie, and an entry that is gone.</summary>
public sealed class DistributedSessionTests : IAsyncLifetime
{
    private RedisServer _redis = null!;

    public async ValueTask InitializeAsync() => _redis = await RedisServer.StartAsync();

    public ValueTask DisposeAsync() => _redis.DisposeAsync();

    [Fact]
    public async Task The_session_is_stored_protected_under_the_prefix_and_expires_with_the_ticket()
    {
        var settings = new ScaleOutSettings { Redis = _redis, ServerSessions = true, SessionLifetime = TimeSpan.FromMinutes(30), SlidingExpiration = false };
        await using var cluster = await ScaleOutCluster.StartAsync(settings, instances: 1);
        await cluster.SignInAsync(0, 0, 0);

        var database = await _redis.DatabaseAsync();
        var key = Assert.Single(await _redis.KeysAsync(settings.KeyPrefix + "Linode.Session:*"));
        var stored = (byte[])(await database.HashGetAsync(key, "data"))!;
        var token = Assert.Single(cluster.LiveTokenPairs);
        var text = Encoding.Latin1.GetString(stored);
        Assert.DoesNotContain(token.AccessToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(token.User.Username, text, StringComparison.Ordinal);
        var ttl = await database.KeyTimeToLiveAsync(key);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
    }

    [Fact]
    public async Task A_session_that_is_gone_from_the_store_is_refused_without_an_error()
    {
        var settings = new ScaleOutSettings { Redis = _redis, ServerSessions = true };
        await using var cluster = await ScaleOutCluster.StartAsync(settings, instances: 2);
        await cluster.SignInAsync(0, 1, 0);
        var cookie = cluster.CookieHeader;
        Assert.Equal(HttpStatusCode.OK, (await cluster.GetAsync(1, "/", cookie)).Status);

        foreach (var key in await _redis.KeysAsync(settings.KeyPrefix + "Linode.Session:*"))
        {
            await (await _redis.DatabaseAsync()).KeyDeleteAsync(key);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await cluster.GetAsync(0, "/", cookie)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cluster.GetAsync(1, "/", cookie)).Status);
        Assert.NotEmpty(cluster.Instances[0].LogsOf(5051));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Sliding_sessions_live_while_used_and_absolute_ones_end_on_time(bool sliding)
    {
        var settings = new ScaleOutSettings { Redis = _redis, ServerSessions = true, SessionLifetime = TimeSpan.FromSeconds(6), SlidingExpiration = sliding };
        await using var cluster = await ScaleOutCluster.StartAsync(settings, instances: 2);
        await cluster.SignInAsync(0, 1, 0);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(3.3), TestContext.Current.CancellationToken);
            statuses.Add((await cluster.GetAsync(i % 2, "/", cluster.CookieHeader)).Status);
        }

        // At 3.3 s, 6.6 s, 9.9 s and 13.2 s after sign-in (a 6 s session: Redis expires it on the wall clock, so the first
        // check leaves 2.7 s for the sign-in's own redirects on a loaded machine): a sliding session is renewed past half
        // its life each time.
        HttpStatusCode[] expected = sliding
            ? [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK]
            : [HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized];
        Assert.Equal(expected, statuses);
    }
}
