using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Linode.AspNetCore.Authentication.StackExchangeRedis.Tests.Infrastructure;
using Linode.AspNetCore.Authentication.Tests.Shared;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Tests;

/// <summary>
/// Issue 24's scale-out case: two instances on one real redis-server with sessions in Redis; a Blazor circuit lives on one
/// (its calls go through the user-token client with no <c>HttpContext</c>), the same session's HTTP requests land on the
/// other. With the token due, both at once make exactly one refresh grant, nobody is signed out, and both sides end up
/// with the refreshed token; a sign-out on the other instance makes the circuit's user anonymous.
/// </summary>
public sealed class CircuitOnAnotherInstanceTests : IAsyncLifetime
{
    private RedisServer _redis = null!;

    public async ValueTask InitializeAsync() => _redis = await RedisServer.StartAsync();

    public ValueTask DisposeAsync() => _redis.DisposeAsync();

    [Fact]
    public async Task A_circuit_on_one_instance_and_requests_on_the_other_share_one_refresh_and_nobody_is_signed_out()
    {
        await using var cluster = await ScaleOutCluster.StartAsync(new ScaleOutSettings { Redis = _redis, ServerSessions = true, Blazor = true }, instances: 2);
        var emulator = cluster.Emulator.Emulator;
        emulator.Options.GrantedScopes = ["linodes:read_only"];
        emulator.Options.AccessTokenLifetime = TimeSpan.FromMinutes(2); // due as soon as issued (the window is 5 minutes)
        await cluster.SignInAsync(challengeOn: 0, callbackOn: 1, landOn: 0);
        emulator.Options.AccessTokenLifetime = TimeSpan.FromHours(2);
        var cookie = cluster.CookieHeader;
        var user = await KeptPrincipalAsync(cluster, cookie);

        await using var circuit = TestCircuit.Start(cluster.Instances[0].Services, user);
        var circuitCalls = Enumerable.Range(0, 3).Select(_ => circuit.RunAsync(ListLinodesAsync)).ToList();
        var requests = Enumerable.Range(0, 3).Select(_ => cluster.GetAsync(1, "/", cookie)).ToList();
        var statuses = await Task.WhenAll(circuitCalls);
        var pages = await Task.WhenAll(requests);

        Assert.Equal(1, cluster.RefreshGrants);
        var refreshed = Assert.Single(cluster.LiveTokenPairs).AccessToken;
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.All(emulator.RequestsTo("LinodeInstances"), call => Assert.Equal("Bearer " + refreshed, call.Headers["Authorization"]));
        Assert.All(pages, page => Assert.Equal((HttpStatusCode.OK, user.Identity!.Name + " " + ScaleOutInstance.TokenHash(refreshed)), page));
        Assert.All(cluster.Instances, instance => Assert.Empty(instance.LogsOf(5021)));
        Assert.Equal((HttpStatusCode.OK, user.Identity!.Name + " " + ScaleOutInstance.TokenHash(refreshed)), await cluster.GetAsync(0, "/", cookie));
        Assert.Equal(1, cluster.RefreshGrants);

        // Sign-out on the other instance: the circuit's user turns anonymous within its revalidation interval.
        var anonymous = new TaskCompletionSource<ClaimsPrincipal>(TaskCreationOptions.RunContinuationsAsynchronously);
        circuit.Services.GetRequiredService<AuthenticationStateProvider>().AuthenticationStateChanged += async state => anonymous.TrySetResult((await state).User);
        using (var signOut = new HttpRequestMessage(HttpMethod.Post, "/signout"))
        {
            signOut.Headers.Add("Cookie", cookie);
            using var response = await cluster.Balancer.SendToAsync(1, signOut, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var after = await anonymous.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.False(after.Identity?.IsAuthenticated);
        Assert.False(emulator.IsAccessTokenActive(refreshed));
    }

    private static async Task<ClaimsPrincipal> KeptPrincipalAsync(ScaleOutCluster cluster, string cookie)
    {
        var (status, body) = await cluster.GetAsync(1, "/claims", cookie);
        Assert.Equal(HttpStatusCode.OK, status);
        var claims = JsonSerializer.Deserialize<string[][]>(body)!.Select(pair => new Claim(pair[0], pair[1]));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Linode", ClaimTypes.Name, ClaimTypes.Role));
    }

    private static async Task<HttpStatusCode> ListLinodesAsync(IServiceProvider services)
    {
        using var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("linode");
        using var response = await client.GetAsync("linode/instances", TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
