using System.Net;
using Linode.AspNetCore.Authentication.StackExchangeRedis.Tests.Infrastructure;
using StackExchange.Redis;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Tests;

/// <summary>The cost goals, counted on the Redis server itself (<c>INFO commandstats</c>, data commands processed): an
/// authenticated request with a server session costs two Redis commands sent together (one round trip: the session and
/// the marker a sign-out leaves, so a session a slow request renewed after the sign-out is still refused); refresh
/// coordination costs none while the token is not due.</summary>
public sealed class RedisRoundTripTests : IAsyncLifetime
{
    private const int Requests = 20;
    private RedisServer _redis = null!;

    public async ValueTask InitializeAsync() => _redis = await RedisServer.StartAsync();

    public ValueTask DisposeAsync() => _redis.DisposeAsync();

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 0)]
    public async Task Commands_per_authenticated_request(bool serverSessions, int expectedPerRequest)
    {
        await using var cluster = await ScaleOutCluster.StartAsync(new ScaleOutSettings { Redis = _redis, ServerSessions = serverSessions, SlidingExpiration = false }, instances: 1);
        await cluster.SignInAsync(0, 0, 0);
        var cookie = cluster.CookieHeader;
        Assert.Equal(HttpStatusCode.OK, (await cluster.GetAsync(0, "/", cookie)).Status);

        var before = await _redis.DataCommandsProcessedAsync();
        for (var i = 0; i < Requests; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await cluster.GetAsync(0, "/", cookie)).Status);
        }

        var commands = await _redis.DataCommandsProcessedAsync() - before;
        Assert.Equal(expectedPerRequest * Requests, commands);
    }
}
