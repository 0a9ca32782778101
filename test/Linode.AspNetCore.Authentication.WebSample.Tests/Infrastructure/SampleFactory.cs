using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using WebSample;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure;

/// <summary>
/// The sample exactly as `dotnet run` starts it (embedded emulator on a loopback port), in the Production environment,
/// with Data Protection keys in a folder of the test's own.
/// </summary>
public class SampleFactory : WebApplicationFactory<Program>
{
    public string KeysPath { get; init; } = Directory.CreateTempSubdirectory("websample-keys-").FullName;

    public string Environment { get; init; } = "Production";

    /// <summary>Extra configuration of the sample, as environment variables would give it.</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    public LinodeEmulator Emulator => Services.GetRequiredService<EmbeddedLinodeEmulator>().Emulator;

    public Uri EmulatorAddress => Services.GetRequiredService<EmbeddedLinodeEmulator>().Server.BaseAddress;

    /// <summary>Revokes <paramref name="accessToken"/> at the emulator, as the user would in Linode's Cloud Manager.</summary>
    public async Task RevokeAtLinodeAsync(string accessToken)
    {
        using var http = new HttpClient();
        using var revoke = await http.PostAsync(new Uri(EmulatorAddress, "oauth/revoke"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = LinodeEmulatorClient.DefaultClientId, ["client_secret"] = LinodeEmulatorClient.DefaultClientSecret, ["token"] = accessToken,
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
    }

    /// <summary>A browser that reaches the sample in-process and the emulator over loopback.</summary>
    public TestBrowser CreateBrowser()
    {
        var browser = new TestBrowser();
        browser.Route("localhost", Server.CreateHandler());
        browser.Route(EmulatorAddress.Host, new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        return browser;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("DataProtection:KeysPath", KeysPath);
        builder.UseSetting("LinodeEmulator:RecordRequests", "true");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
