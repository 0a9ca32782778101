using System.Net;
using Linode.AspNetCore.Authentication.StackExchangeRedis.Tests.Infrastructure;
using Linode.AspNetCore.Authentication.Testing;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Tests;

/// <summary>
/// One refresh that Linode refuses: every request that waited on it signs out, the session's access token is revoked once
/// (not once per request, not once per instance), and <c>OnTokenRefreshed</c> says on each instance whether it made the
/// refused grant or applied another instance's result.
/// </summary>
public sealed class RejectedRefreshTests : IAsyncLifetime
{
    private const int Requests = 20;
    private RedisServer _redis = null!;

    public async ValueTask InitializeAsync() => _redis = await RedisServer.StartAsync();

    public ValueTask DisposeAsync() => _redis.DisposeAsync();

    [Fact]
    public async Task Twenty_requests_on_one_instance_sign_out_and_revoke_the_token_once()
    {
        await using var cluster = await StartDueSessionAsync(new ScaleOutSettings { Redis = _redis }, instances: 1);
        var token = cluster.Emulator.Emulator.Tokens.Single().AccessToken;
        RefuseRefreshes(cluster);

        var statuses = await Task.WhenAll(Enumerable.Range(0, Requests).Select(_ => cluster.GetAsync(0, "/", cluster.CookieHeader)));

        Assert.All(statuses, response => Assert.Equal(HttpStatusCode.Unauthorized, response.Status));
        Assert.Equal(1, cluster.RefreshGrants);
        var revoke = Assert.Single(cluster.Emulator.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke));
        Assert.Equal(token, revoke.Form["token"]);
        var refused = Assert.Single(cluster.Instances[0].Refreshes);
        Assert.Equal(LinodeTokenRefreshOutcome.Rejected, refused.Outcome);
        Assert.False(refused.IsFromAnotherInstance);
        Assert.Single(cluster.Instances[0].LogsOf(5027));
    }

    [Fact]
    public async Task Three_instances_sign_out_revoke_once_and_only_the_granting_instance_says_it_made_the_grant()
    {
        var settings = new ScaleOutSettings { Redis = _redis, ConfigureRedis = options => options.RejectionGracePeriod = TimeSpan.FromMilliseconds(100) };
        await using var cluster = await StartDueSessionAsync(settings, instances: 3);
        RefuseRefreshes(cluster);

        var statuses = await Task.WhenAll(Enumerable.Range(0, Requests).Select(i => cluster.GetAsync(i % 3, "/", cluster.CookieHeader)));

        Assert.All(statuses, response => Assert.Equal(HttpStatusCode.Unauthorized, response.Status));
        Assert.Equal(1, cluster.RefreshGrants);
        Assert.Single(cluster.Emulator.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke));
        var events = cluster.Instances.Select(instance => Assert.Single(instance.Refreshes)).ToList();
        Assert.All(events, result => Assert.Equal(LinodeTokenRefreshOutcome.Rejected, result.Outcome));
        Assert.Single(events, result => !result.IsFromAnotherInstance);
    }

    /// <summary>Linode refuses every refresh token from now on, slowly enough that all requests join the one refresh.</summary>
    private static void RefuseRefreshes(ScaleOutCluster cluster) => cluster.Emulator.Emulator.Faults.Add(
        LinodeEmulatorEndpoint.Token,
        new LinodeEmulatorFault { Delay = TimeSpan.FromMilliseconds(500), StatusCode = 400, Body = "{\"error\":\"invalid_grant\"}" });

    private static async Task<ScaleOutCluster> StartDueSessionAsync(ScaleOutSettings settings, int instances)
    {
        var cluster = await ScaleOutCluster.StartAsync(settings, instances);
        await cluster.SignInDueForRefreshAsync(0, instances - 1, 0);
        return cluster;
    }
}
