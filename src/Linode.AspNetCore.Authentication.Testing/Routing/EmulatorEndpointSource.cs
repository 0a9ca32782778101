using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Primitives;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// The emulator's routes as an <see cref="EndpointDataSource"/> for the platform's endpoint routing: one endpoint per
/// path pattern. Routes may be added while the emulator serves; the change token tells the router to rebuild its matcher.
/// </summary>
internal sealed class EmulatorEndpointSource : EndpointDataSource, IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (EmulatorRoute Route, RequestDelegate Handle)> _routes = new(StringComparer.OrdinalIgnoreCase);
    private IReadOnlyList<Endpoint> _endpoints = [];
    private CancellationTokenSource _changed = new();

    /// <inheritdoc />
    public override IReadOnlyList<Endpoint> Endpoints => Volatile.Read(ref _endpoints);

    /// <inheritdoc />
    public override IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref _changed).Token);

    /// <summary>Serves <paramref name="pattern"/> with <paramref name="handle"/> under <paramref name="route"/>'s name,
    /// replacing what served that pattern before.</summary>
    public void Map(EmulatorRoute route, string pattern, RequestDelegate handle)
    {
        CancellationTokenSource previous;
        lock (_lock)
        {
            _routes[pattern] = (route, handle);
            _endpoints = _routes.Select(entry => Build(entry.Key, entry.Value.Route, entry.Value.Handle)).ToArray();
            previous = _changed;
            _changed = new CancellationTokenSource();
        }

        previous.Cancel();
        previous.Dispose();
    }

    public void Dispose() => _changed.Dispose();

    private static RouteEndpoint Build(string pattern, EmulatorRoute route, RequestDelegate handle)
    {
        var builder = new RouteEndpointBuilder(handle, RoutePatternFactory.Parse(pattern), order: 0);
        builder.Metadata.Add(route);
        return (RouteEndpoint)builder.Build();
    }
}
