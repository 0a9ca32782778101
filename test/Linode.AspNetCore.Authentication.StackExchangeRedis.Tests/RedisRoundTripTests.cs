using System.Net;
using Linode.AspNetCore.Authentication.StackExchangeRedis.Tests.Infrastructure;
using StackExchange.Redis;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Tests;

/// <summary>The cost goals, counted on the Redis server itself (<c>INFO commandstats</c>, data commands processed): an
/// authenticated request with a server session costs one Redis command; refresh coordination costs none while the token
/// is not due.</summary>
public sealed class RedisRoundTripTests : IAsyncLifetime
{
    private const int Requests = 20;
    private RedisServer _redis = null!;

    public async ValueTask InitializeAsync() => _redis = await RedisServer.StartAsync();

    public ValueTask DisposeAsync() => _redis.DisposeAsync();

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task Commands_per_authenticated_request(bool serverSessions, int expectedPerRequest)
    {
        await using var cluster = await ScaleOutCluster.StartAsync(new ScaleOutSettings { Redis = _redis, ServerSessions = serverSessions, SlidingExpiration = false }, instances: 1);
        await cluster.SignInAsync(0, 0, 0);
        var cookie = cluster.CookieHeader;
        Assert.Equal(HttpStatusCode.OK, (await cluster.GetAsync(0, "/", cookie)).Status);

        var before = await CommandsProcessedAsync();
        for (var i = 0; i < Requests; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await cluster.GetAsync(0, "/", cookie)).Status);
        }

        var commands = await CommandsProcessedAsync() - before;
        Assert.Equal(expectedPerRequest * Requests, commands);
    }

    /// <summary>Data commands processed so far (<c>INFO commandstats</c>), leaving out what a client sends on its own
    /// schedule or for this count: keep-alives, configuration and topology checks, INFO itself.</summary>
    private async Task<long> CommandsProcessedAsync()
    {
        string[] housekeeping = ["info", "ping", "echo", "config", "cluster", "client", "subscribe", "hello", "command", "select", "sentinel"];
        var info = (string)(await (await _redis.DatabaseAsync()).ExecuteAsync("INFO", "commandstats"))!;
        return info.Split('\n')
            .Where(line => line.StartsWith("cmdstat_", StringComparison.Ordinal))
            .Where(line => !housekeeping.Any(name => line.StartsWith("cmdstat_" + name, StringComparison.Ordinal)))
            .Sum(line => long.Parse(line.Split("calls=")[1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture));
    }
}
