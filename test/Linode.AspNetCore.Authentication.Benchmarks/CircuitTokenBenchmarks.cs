using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Benchmarks;

/// <summary>
/// One Linode API call from an interactive Blazor component (issue 24 item 8), against the in-process emulator:
/// the baseline holds the token in a scoped field (what an app that copied the token into a circuit service would do);
/// <c>CircuitCopy</c> is the package's path (<c>AddLinodeUserAccessToken()</c> in a circuit, the circuit's copy of the
/// token current: no session read); <c>SessionReadEveryCall</c> asks <see cref="LinodeUserTokens"/> on every call (one
/// distributed-cache read, the path when the copy is not current).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InBytesConfig))]
public class CircuitTokenBenchmarks
{
    private BenchmarkApp _app = null!;
    private AsyncServiceScope _circuit;
    private HttpClient _plain = null!;
    private string _scopedField = null!;
    private ClaimsPrincipal _user = null!;
    private LinodeUserTokens _tokens = null!;
    private Func<CircuitInboundActivityContext, Task> _circuitCall = null!;
    private int _status;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _app = await BenchmarkApp.StartAsync(blazor: true);
        _scopedField = _app.Emulator.IssueAccessToken("exampleUser", [BenchmarkApp.Scope]).AccessToken;
        var cookie = _app.CreateCookie(issuedByLinode: true, accessToken: _scopedField);
        var claims = await _app.Server.SendAsync(context =>
        {
            context.Request.Path = "/claims";
            context.Request.Headers.Cookie = cookie;
        });
        var pairs = await JsonSerializer.DeserializeAsync<string[][]>(claims.Response.Body);
        _user = new ClaimsPrincipal(new ClaimsIdentity(pairs!.Select(pair => new Claim(pair[0], pair[1])), "Linode"));
        _tokens = _app.App.Services.GetRequiredService<LinodeUserTokens>();
        _plain = new HttpClient(_app.Emulator.CreateHttpMessageHandler()) { BaseAddress = new Uri("https://api.linode.com/v4/") };

        _circuit = _app.App.Services.CreateAsyncScope();
        ((IHostEnvironmentAuthenticationStateProvider)_circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(_user)));
        var client = _circuit.ServiceProvider.GetRequiredService<IHttpClientFactory>().CreateClient("linode");
        Func<CircuitInboundActivityContext, Task> call = async _ =>
        {
            using var response = await client.GetAsync("linode/instances");
            _status = (int)response.StatusCode;
        };
        foreach (var handler in _circuit.ServiceProvider.GetServices<CircuitHandler>().Reverse())
        {
            call = handler.CreateInboundActivityHandler(call);
        }

        _circuitCall = call;
        await CircuitCopy(); // the first call reads the session; the copy is current from then on
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _plain.Dispose();
        await _circuit.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public Task<int> ScopedFieldToken() => PlainCallAsync(_scopedField);

    [Benchmark]
    public async Task<int> CircuitCopy()
    {
        await _circuitCall(null!);
        return _status == 200 ? 200 : throw new InvalidOperationException($"The API answered {_status}.");
    }

    [Benchmark]
    public async Task<int> SessionReadEveryCall() => await PlainCallAsync(await _tokens.GetAccessTokenAsync(_user));

    private async Task<int> PlainCallAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "linode/instances");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _plain.SendAsync(request);
        return response.IsSuccessStatusCode ? 200 : throw new InvalidOperationException($"The API answered {(int)response.StatusCode}.");
    }
}
