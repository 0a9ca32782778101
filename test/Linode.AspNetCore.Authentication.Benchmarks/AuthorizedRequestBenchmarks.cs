using BenchmarkDotNet.Attributes;

namespace Linode.AspNetCore.Authentication.Benchmarks;

/// <summary>
/// The per-request cost of a Linode scope check: the same signed-in request (a Linode ticket) to an endpoint with plain
/// <c>RequireAuthorization()</c> and to one with <c>[LinodeScope]</c>, whose handler walks the user's scope claims.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InBytesConfig))]
public class AuthorizedRequestBenchmarks
{
    private BenchmarkApp _app = null!;
    private string _cookie = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _app = await BenchmarkApp.StartAsync();
        _cookie = _app.CreateCookie(issuedByLinode: true);
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _app.DisposeAsync();

    [Benchmark(Baseline = true)]
    public Task<int> Authorize() => SendAsync("/authorized");

    [Benchmark]
    public Task<int> LinodeScope() => SendAsync("/scoped");

    private async Task<int> SendAsync(string path)
    {
        var context = await _app.Server.SendAsync(context =>
        {
            context.Request.Path = path;
            context.Request.Headers.Cookie = _cookie;
        });
        return context.Response.StatusCode == 200 ? 200 : throw new InvalidOperationException($"{path} answered {context.Response.StatusCode}.");
    }
}
