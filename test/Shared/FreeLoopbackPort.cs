using System.Net;
using System.Net.Sockets;

namespace Linode.AspNetCore.Authentication.Tests.Shared;

/// <summary>A TCP port free on 127.0.0.1 at the time of asking, for a sample on real Kestrel that a browser opens.</summary>
internal static class FreeLoopbackPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
