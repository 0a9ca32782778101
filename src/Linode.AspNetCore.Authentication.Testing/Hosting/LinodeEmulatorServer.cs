using System.Net;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// An emulator served by Kestrel on a loopback port, for browsers, other processes and load tests. Kestrel runs
/// without a generic host, so starting it inside an app's <c>Program</c> does not disturb <c>WebApplicationFactory</c>.
/// </summary>
public sealed class LinodeEmulatorServer : IAsyncDisposable
{
    private readonly KestrelServer _server;
    private readonly ConnectionCounter _connections;

    private LinodeEmulatorServer(KestrelServer server, ConnectionCounter connections, LinodeEmulator emulator, Uri baseAddress)
    {
        _server = server;
        _connections = connections;
        Emulator = emulator;
        Endpoints = LinodeEmulatorEndpoints.For(baseAddress);
    }

    /// <summary>The emulator being served.</summary>
    public LinodeEmulator Emulator { get; }

    /// <summary>Where it is served, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseAddress => Endpoints.BaseAddress;

    /// <summary>The endpoint URLs.</summary>
    public LinodeEmulatorEndpoints Endpoints { get; }

    /// <summary>How many TCP connections this server has accepted: a client that pools its connections keeps this flat.</summary>
    public long AcceptedConnections => Interlocked.Read(ref _connections.Count);

    /// <summary>Starts serving <paramref name="emulator"/> on 127.0.0.1.</summary>
    /// <param name="emulator">The emulator.</param>
    /// <param name="port">The port; 0 picks a free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<LinodeEmulatorServer> StartAsync(LinodeEmulator emulator, int port = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var kestrelOptions = new KestrelServerOptions { ApplicationServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        var connections = new ConnectionCounter();
        kestrelOptions.Listen(IPAddress.Loopback, port, listen => listen.Use(next => connection =>
        {
            Interlocked.Increment(ref connections.Count);
            return next(connection);
        }));
        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), NullLoggerFactory.Instance);
        var server = new KestrelServer(Options.Create(kestrelOptions), transport, NullLoggerFactory.Instance);
        await server.StartAsync(new EmulatorHttpApplication(emulator), cancellationToken).ConfigureAwait(false);
        var address = server.Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LinodeEmulatorServer(server, connections, emulator, new Uri(address));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync(CancellationToken.None).ConfigureAwait(false);
        _server.Dispose();
    }

    private sealed class ConnectionCounter
    {
#pragma warning disable SA1401, CA1051 // A field, so Interlocked can update it.
        public long Count;
#pragma warning restore SA1401, CA1051
    }
}
