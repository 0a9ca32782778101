using BenchmarkDotNet.Attributes;

namespace Linode.AspNetCore.Authentication.Benchmarks;

/// <summary>
/// One request that carries the sign-in cookie, through the whole pipeline to an endpoint that needs the user:
/// plain cookie authentication (what an AddOAuth app has) against a Linode-issued ticket, with automatic refresh off
/// and on (the token is not due, the path every authenticated request takes).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InBytesConfig))]
public class AuthenticatedRequestBenchmarks
{
    private BenchmarkApp _plain = null!;
    private BenchmarkApp _refreshing = null!;
    private string _plainCookie = null!;
    private string _linodeCookie = null!;
    private string _refreshingCookie = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _plain = await BenchmarkApp.StartAsync();
        _refreshing = await BenchmarkApp.StartAsync(automaticRefresh: true);
        _plainCookie = _plain.CreateCookie(issuedByLinode: false);
        _linodeCookie = _plain.CreateCookie(issuedByLinode: true);
        _refreshingCookie = _refreshing.CreateCookie(issuedByLinode: true);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _plain.DisposeAsync();
        await _refreshing.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public Task<int> PlainCookie() => SendAsync(_plain, _plainCookie);

    [Benchmark]
    public Task<int> LinodeTicket() => SendAsync(_plain, _linodeCookie);

    [Benchmark]
    public Task<int> LinodeTicket_AutomaticRefresh_NotDue() => SendAsync(_refreshing, _refreshingCookie);

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
