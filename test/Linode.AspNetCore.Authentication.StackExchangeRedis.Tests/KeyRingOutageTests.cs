using System.Net;
using Linode.AspNetCore.Authentication.StackExchangeRedis.Tests.Infrastructure;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Tests;

/// <summary>An instance that starts while Redis (which holds its Data Protection key ring) is down cannot protect a
/// sign-in's state or a form's anti-forgery token. It says so with a clear 503 page and <c>Retry-After</c>, never a 500 or
/// a stack trace, logs why, and recovers by itself once Redis answers. Each test has its own Redis, since it stops it.</summary>
public sealed class KeyRingOutageTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_instance_started_while_Redis_is_down_answers_a_clear_503_and_signs_in_once_Redis_returns(bool serverSessions)
    {
        await using var redis = await RedisServer.StartAsync();
        await redis.StopAsync();
        await using var cluster = await ScaleOutCluster.StartAsync(new ScaleOutSettings { Redis = redis, ServerSessions = serverSessions }, instances: 1);

        using var challenge = await SendAsync(cluster, "/challenge");
        var page = await challenge.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, challenge.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), challenge.Headers.RetryAfter?.Delta);
        Assert.Contains("Signing in is unavailable for a moment", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
        Assert.NotEmpty(cluster.Instances[0].LogsOf(5108));
        Assert.Equal(HttpStatusCode.Unauthorized, (await cluster.GetAsync(0, "/", "unrelated=1")).Status);

        await redis.RestartAsync();
        for (var attempt = 0; ; attempt++)
        {
            using var again = await SendAsync(cluster, "/challenge");
            if (again.StatusCode == HttpStatusCode.Found)
            {
                break;
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, again.StatusCode);
            Assert.True(attempt < 300, "No challenge 30 s after Redis returned.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        await cluster.SignInAsync(0, 0, 0);
        Assert.Equal(HttpStatusCode.OK, (await cluster.GetAsync(0, "/", cluster.CookieHeader)).Status);
    }

    private static Task<HttpResponseMessage> SendAsync(ScaleOutCluster cluster, string path) =>
        cluster.Balancer.SendToAsync(0, new HttpRequestMessage(HttpMethod.Get, path), TestContext.Current.CancellationToken);
}
