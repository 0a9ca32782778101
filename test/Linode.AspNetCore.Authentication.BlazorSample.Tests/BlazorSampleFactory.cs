using System.Net;
using Linode.AspNetCore.Authentication.Tests.Shared;
using Linode.AspNetCore.Authentication.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WebSample;

namespace Linode.AspNetCore.Authentication.BlazorSample.Tests;

/// <summary>
/// BlazorSample as `dotnet run` starts it (embedded emulator on a loopback port), on real Kestrel at 127.0.0.1 for a real
/// browser, in Production, with keys in a folder of its own, a circuit revalidation of 1 second, and a clock the test can
/// move (it starts at the real time: the browser's cookies use the real one).
/// </summary>
public sealed class BlazorSampleFactory : WebApplicationFactory<Program>
{
    public BlazorSampleFactory()
    {
        Port = FreeLoopbackPort.Next();
        UseKestrel(options => options.Listen(IPAddress.Loopback, Port));
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public LinodeEmulator Emulator => Services.GetRequiredService<EmbeddedLinodeEmulator>().Emulator;

    public int RefreshGrants => Emulator.RequestsTo(LinodeEmulatorEndpoint.Token).Count(request => request.Form["grant_type"] == "refresh_token");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");

        // Blazor's script is a static web asset of the framework; `dotnet run` serves it in Development, a publish copies it.
        builder.UseStaticWebAssets();
        builder.UseSetting("DataProtection:KeysPath", Directory.CreateTempSubdirectory("blazorsample-keys-").FullName);
        builder.UseSetting("LinodeEmulator:RecordRequests", "true");
        builder.UseSetting("Blazor:RevalidationInterval", "00:00:01");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }
}
