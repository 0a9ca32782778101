using System.Net;
using Linode.AspNetCore.Authentication.Tests.Shared;
using Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Browser;

/// <summary>The sample on real Kestrel at 127.0.0.1, for a real browser.</summary>
public sealed class KestrelSampleFactory : SampleFactory
{
    public KestrelSampleFactory()
    {
        Port = FreeLoopbackPort.Next();
        UseKestrel(options => options.Listen(IPAddress.Loopback, Port));
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";
}
