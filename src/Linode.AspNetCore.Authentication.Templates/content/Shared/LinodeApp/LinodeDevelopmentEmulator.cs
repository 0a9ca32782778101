//-:cnd:noEmit
#if DEBUG
using Linode.AspNetCore.Authentication.Testing;

namespace LinodeApp;

/// <summary>
/// <c>dotnet run</c> with no Linode account: in Development, when no client id is configured, Linode's sign-in page and
/// API are emulated on a loopback port (a consent page with two test users, a real token exchange and revocation) and the
/// app's Linode settings point there. Set <c>Authentication:Schemes:Linode:ClientId</c> and <c>ClientSecret</c> in
/// user-secrets to use real Linode instead. Debug builds only: a Release build (what <c>dotnet publish</c> makes) compiles
/// neither this class nor the emulator's package, so it can never run in Production.
/// </summary>
internal static class LinodeDevelopmentEmulator
{
    public static async Task StartIfNoClientAsync(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment() || !string.IsNullOrEmpty(builder.Configuration["Authentication:Schemes:Linode:ClientId"]))
        {
            return;
        }

        var emulator = new LinodeEmulator();
        emulator.Options.ConsentMode = LinodeEmulatorConsentMode.Interactive;
        emulator.Options.Clients[0].Label = "LinodeApp (development)";
        emulator.Options.RecordRequests = false; // a development server runs for hours: keep no request log
        var server = await LinodeEmulatorServer.StartAsync(emulator);

        // The client, the four endpoints and LinodeApi:BaseAddress, as Authentication:Schemes:Linode:* settings.
        builder.Configuration.AddInMemoryCollection(LinodeEmulatorConfiguration.For(server));
        builder.Services.AddSingleton(server);
        builder.Services.AddHostedService<LinodeDevelopmentEmulatorLifetime>();
    }
}

/// <summary>Says where the emulator listens once the app starts, and stops it with the app.</summary>
internal sealed partial class LinodeDevelopmentEmulatorLifetime(LinodeEmulatorServer server, ILogger<LinodeDevelopmentEmulatorLifetime> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogEmulatorStarted(logger, server.BaseAddress);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await server.DisposeAsync();

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "No Linode client id is configured: signing in with the Linode emulator at {Address} (development only). Set Authentication:Schemes:Linode:ClientId and ClientSecret in user-secrets for real Linode.")]
    private static partial void LogEmulatorStarted(ILogger logger, Uri address);
}
#endif
//+:cnd:noEmit
