using Linode.AspNetCore.Authentication;
using Linode.AspNetCore.Authentication.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace WebSample;

/// <summary>
/// The sample's default when no Linode client id is configured: a Linode emulator on its own loopback port (a separate
/// origin, as login.linode.com is), showing a real consent page, with the handler pointed at it.
/// </summary>
public sealed class EmbeddedLinodeEmulator : IAsyncDisposable
{
    private EmbeddedLinodeEmulator(LinodeEmulatorServer server) => Server = server;

    public LinodeEmulatorServer Server { get; }

    public LinodeEmulator Emulator => Server.Emulator;

    public static async Task<EmbeddedLinodeEmulator?> StartIfNeededAsync(WebApplicationBuilder builder)
    {
        if (!string.IsNullOrEmpty(builder.Configuration["Authentication:Schemes:Linode:ClientId"]))
        {
            return null;
        }

        var emulator = new LinodeEmulator();
        emulator.Options.ConsentMode = LinodeEmulatorConsentMode.Interactive;
        emulator.Options.Clients[0].Label = "Linode.AspNetCore.Authentication WebSample";

        // A development server runs for hours: keep no request log unless asked (tests ask).
        emulator.Options.RecordRequests = builder.Configuration.GetValue("LinodeEmulator:RecordRequests", false);
        var server = await LinodeEmulatorServer.StartAsync(emulator, builder.Configuration.GetValue("LinodeEmulator:Port", 0));

        // The Testing package's one-call wiring: client and endpoints as Authentication:Schemes:Linode settings.
        builder.Configuration.AddInMemoryCollection(LinodeEmulatorConfiguration.For(server));
        var embedded = new EmbeddedLinodeEmulator(server);
        builder.Services.AddSingleton(embedded);
        return embedded;
    }

    /// <summary>The endpoints and client come from configuration (above). The sample is served over plain http here, so
    /// the correlation cookie is made SameSite=Lax and sent over http (browsers drop SameSite=None cookies without Secure).</summary>
    public static void Configure(LinodeOptions options)
    {
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
    }

    /// <summary>Registers the sample's real callback URL with the emulator's client, as one registers it at
    /// cloud.linode.com: the first address the server listens on (a wildcard host read as localhost) plus the callback
    /// path. The emulator then redirects codes to that URL only.</summary>
    public void RegisterCallback(IServer server, PathString callbackPath)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        uri.Path = callbackPath.Value;
        Emulator.Options.Clients[0].RedirectUri = uri.Uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
