using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Tests.Shared;

/// <summary>
/// A Blazor circuit without a browser: a DI scope of the app whose authentication state holds the user, as Blazor gives
/// it, and whose activities run through the app's circuit handlers on a thread of their own, outside any request.
/// </summary>
internal sealed class TestCircuit : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private TestCircuit(AsyncServiceScope scope) => _scope = scope;

    public IServiceProvider Services => _scope.ServiceProvider;

    public static TestCircuit Start(IServiceProvider app, ClaimsPrincipal user)
    {
        var scope = app.CreateAsyncScope();
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        return new TestCircuit(scope);
    }

    /// <summary>Runs <paramref name="activity"/> as an inbound activity of the circuit (an event handler, a render).</summary>
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> activity)
    {
        T result = default!;
        Func<CircuitInboundActivityContext, Task> run = async _ => result = await activity(Services);
        foreach (var handler in Services.GetServices<CircuitHandler>().Reverse())
        {
            run = handler.CreateInboundActivityHandler(run);
        }

        await Task.Run(() => run(null!));
        return result;
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
