using System.Collections.Concurrent;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Tests.Infrastructure;

/// <summary>
/// The load balancer in front of the instances: every request to the app's one public address
/// (<see cref="PublicAddress"/>) goes to the instance <see cref="Route"/> picks, with the public Host header, so every
/// instance builds the same callback URL. Records which instance served which path.
/// </summary>
public sealed class LoadBalancer : HttpMessageHandler
{
    public static readonly Uri PublicAddress = new("http://localhost:59999/");

    private readonly HttpMessageInvoker _network = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }, disposeHandler: true);
    private readonly IReadOnlyList<ScaleOutInstance> _instances;
    private int _next = -1;

    public LoadBalancer(IReadOnlyList<ScaleOutInstance> instances)
    {
        _instances = instances;
        Route = _ => Interlocked.Increment(ref _next) % _instances.Count;
    }

    /// <summary>Picks the instance (an index) for a request; round robin by default.</summary>
    public Func<HttpRequestMessage, int> Route { get; set; }

    /// <summary>Which instance served which path, in order.</summary>
    public ConcurrentQueue<(int Instance, string Path)> Served { get; } = new();

    /// <summary>Sends <paramref name="request"/> to instance <paramref name="instance"/>, bypassing <see cref="Route"/>.</summary>
    public Task<HttpResponseMessage> SendToAsync(int instance, HttpRequestMessage request, CancellationToken cancellationToken) => ForwardAsync(instance, request, cancellationToken);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        ForwardAsync(Route(request), request, cancellationToken);

    private Task<HttpResponseMessage> ForwardAsync(int instance, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.IsAbsoluteUri ? request.RequestUri.PathAndQuery : request.RequestUri.OriginalString;
        request.RequestUri = new Uri(new Uri($"http://127.0.0.1:{_instances[instance].Port}/"), path);
        request.Headers.Host = PublicAddress.Authority;
        Served.Enqueue((instance, request.RequestUri.AbsolutePath));
        return _network.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _network.Dispose();
        }

        base.Dispose(disposing);
    }
}
