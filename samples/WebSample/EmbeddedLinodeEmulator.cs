using Linode.AspNetCore.Authentication;
using Linode.AspNetCore.Authentication.Testing;
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
        var server = await LinodeEmulatorServer.StartAsync(emulator, builder.Configuration.GetValue("LinodeEmulator:Port", 0));
        var embedded = new EmbeddedLinodeEmulator(server);
        builder.Services.AddSingleton(embedded);
        return embedded;
    }

    /// <summary>Points a Linode scheme at the emulator. The sample is served over plain http on localhost here, so the
    /// correlation cookie is made SameSite=Lax and sent over http (browsers drop SameSite=None cookies without Secure).</summary>
    public void Configure(LinodeOptions options)
    {
        var endpoints = Server.Endpoints;
        options.ClientId = LinodeEmulatorClient.DefaultClientId;
        options.ClientSecret = LinodeEmulatorClient.DefaultClientSecret;
        options.AuthorizationEndpoint = endpoints.Authorization.ToString();
        options.TokenEndpoint = endpoints.Token.ToString();
        options.UserInformationEndpoint = endpoints.Profile.ToString();
        options.RevocationEndpoint = endpoints.Revocation.ToString();
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
