using System.Net;
using System.Net.Sockets;
using Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Browser;

/// <summary>The sample on real Kestrel at 127.0.0.1, for a real browser.</summary>
public sealed class KestrelSampleFactory : SampleFactory
{
    public KestrelSampleFactory()
    {
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
        }

        UseKestrel(options => options.Listen(IPAddress.Loopback, Port));
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";
}
