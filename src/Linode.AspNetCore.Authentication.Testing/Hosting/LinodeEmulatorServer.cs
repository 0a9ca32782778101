using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>An emulator served by Kestrel on a loopback port, for browsers, other processes and load tests.</summary>
public sealed class LinodeEmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LinodeEmulatorServer(WebApplication app, LinodeEmulator emulator, Uri baseAddress)
    {
        _app = app;
        Emulator = emulator;
        Endpoints = LinodeEmulatorEndpoints.For(baseAddress);
    }

    /// <summary>The emulator being served.</summary>
    public LinodeEmulator Emulator { get; }

    /// <summary>Where it is served, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseAddress => Endpoints.BaseAddress;

    /// <summary>The endpoint URLs.</summary>
    public LinodeEmulatorEndpoints Endpoints { get; }

    /// <summary>Starts serving <paramref name="emulator"/> on 127.0.0.1.</summary>
    /// <param name="emulator">The emulator.</param>
    /// <param name="port">The port; 0 picks a free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<LinodeEmulatorServer> StartAsync(LinodeEmulator emulator, int port = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(LinodeEmulatorServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(emulator.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LinodeEmulatorServer(app, emulator, new Uri(address));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
