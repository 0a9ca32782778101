using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Benchmarks;

/// <summary>
/// The two sign-in legs, AddLinode against the hand-written AddOAuth baseline, both against the in-process emulator.
/// Challenge: GET of a protected page answered with the 302 to Linode. Callback: one complete callback request (state and
/// correlation check, code exchange, profile, claims, cookie sign-in), prepared before each iteration.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SignInBenchmarks
{
    private const int CallbacksPerIteration = 200;
    private readonly Queue<PendingCallback> _pending = new();
    private BenchmarkApp _app = null!;
    private HttpClient _emulator = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _app = await BenchmarkApp.StartAsync();
        _emulator = new HttpClient(_app.Emulator.CreateHttpMessageHandler());
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _emulator.Dispose();
        await _app.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Challenge")]
    public Task<int> Challenge_AddOAuth() => ChallengeAsync("/baseline");

    [Benchmark]
    [BenchmarkCategory("Challenge")]
    public Task<int> Challenge_AddLinode() => ChallengeAsync("/linode");

    [IterationSetup(Target = nameof(Callback_AddOAuth))]
    public void PrepareBaselineCallbacks() => Prepare("/baseline");

    [IterationSetup(Target = nameof(Callback_AddLinode))]
    public void PrepareLinodeCallbacks() => Prepare("/linode");

    [Benchmark(Baseline = true, OperationsPerInvoke = 1)]
    [BenchmarkCategory("Callback")]
    [InvocationCount(CallbacksPerIteration)]
    public Task<int> Callback_AddOAuth() => CallbackAsync();

    [Benchmark(OperationsPerInvoke = 1)]
    [BenchmarkCategory("Callback")]
    [InvocationCount(CallbacksPerIteration)]
    public Task<int> Callback_AddLinode() => CallbackAsync();

    private async Task<int> ChallengeAsync(string path)
    {
        var context = await _app.Server.SendAsync(context => context.Request.Path = path);
        return context.Response.StatusCode;
    }

    private async Task<int> CallbackAsync()
    {
        var callback = _pending.Dequeue();
        var context = await _app.Server.SendAsync(context =>
        {
            var uri = new Uri("https://app.test" + callback.PathAndQuery);
            context.Request.Path = uri.AbsolutePath;
            context.Request.QueryString = new QueryString(uri.Query);
            context.Request.Headers.Cookie = callback.Cookie;
        });
        return context.Response.StatusCode == StatusCodes.Status302Found ? 302 : throw new InvalidOperationException($"Callback answered {context.Response.StatusCode}.");
    }

    /// <summary>Challenge and authorize ahead of time: only the callback request is measured.</summary>
    private void Prepare(string path)
    {
        _pending.Clear();
        for (var i = 0; i < CallbacksPerIteration; i++)
        {
            var challenge = _app.Server.SendAsync(context => context.Request.Path = path).GetAwaiter().GetResult();
            var cookie = string.Join("; ", challenge.Response.Headers.SetCookie.Select(header => header!.Split(';')[0]));
            using var authorize = _emulator.GetAsync(challenge.Response.Headers.Location.ToString()).GetAwaiter().GetResult();
            _pending.Enqueue(new PendingCallback(authorize.Headers.Location!.PathAndQuery, cookie));
        }
    }
}
