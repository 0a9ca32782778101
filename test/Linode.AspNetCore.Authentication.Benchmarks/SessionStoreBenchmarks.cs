using BenchmarkDotNet.Attributes;
using Linode.AspNetCore.Authentication.StackExchangeRedis.Tests.Infrastructure;

namespace Linode.AspNetCore.Authentication.Benchmarks;

/// <summary>
/// One authenticated request (automatic refresh on, token not due) with the session in the cookie (the baseline) and in
/// Redis (<c>AddLinodeRedis(...).StoreSessions()</c>, a real loopback <c>redis-server</c>): the cost of the session
/// lookup, and the cookie each mode sends.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InBytesConfig))]
public class SessionStoreBenchmarks
{
    private RedisServer _redis = null!;
    private BenchmarkApp _cookieSessions = null!;
    private BenchmarkApp _redisSessions = null!;
    private string _cookie = null!;
    private string _sessionCookie = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _redis = await RedisServer.StartAsync();
        _cookieSessions = await BenchmarkApp.StartAsync(automaticRefresh: true);
        _redisSessions = await BenchmarkApp.StartAsync(automaticRefresh: true, redisSessions: _redis.Configuration);
        _cookie = _cookieSessions.CreateCookie(issuedByLinode: true);
        _sessionCookie = _redisSessions.CreateCookie(issuedByLinode: true);
        Console.WriteLine($"// cookie header: {_cookie.Length} bytes in cookie mode, {_sessionCookie.Length} bytes with a Redis session");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _cookieSessions.DisposeAsync();
        await _redisSessions.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public Task<int> CookieSession() => SendAsync(_cookieSessions, _cookie);

    [Benchmark]
    public Task<int> RedisSession() => SendAsync(_redisSessions, _sessionCookie);

    private static async Task<int> SendAsync(BenchmarkApp app, string cookie)
    {
        var context = await app.Server.SendAsync(context =>
        {
            context.Request.Path = "/me";
            context.Request.Headers.Cookie = cookie;
        });
        return context.Response.StatusCode == 200 ? 200 : throw new InvalidOperationException($"/me answered {context.Response.StatusCode}.");
    }
}
