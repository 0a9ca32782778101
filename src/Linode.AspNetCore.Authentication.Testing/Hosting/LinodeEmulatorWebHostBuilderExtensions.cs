using Linode.AspNetCore.Authentication.Testing;

namespace Microsoft.AspNetCore.Hosting;

/// <summary>Points an app under test (for example a <c>WebApplicationFactory</c>'s) at a Linode emulator in one call.</summary>
public static class LinodeEmulatorWebHostBuilderExtensions
{
    /// <summary>
    /// Sets the configuration that points the Linode scheme <paramref name="scheme"/> at <paramref name="server"/>
    /// (<see cref="LinodeEmulatorConfiguration.For(LinodeEmulatorServer, string, LinodeEmulatorClient?)"/>): both the browser's redirect and the back-channel go to the
    /// emulator. Call it from <c>WebApplicationFactory.ConfigureWebHost</c>. The emulator's default client is registered
    /// for <c>http://localhost/signin-linode</c>, the callback of an app under <c>WebApplicationFactory</c>.
    /// </summary>
    /// <param name="builder">The web host builder.</param>
    /// <param name="server">The emulator on its loopback port.</param>
    /// <param name="scheme">The Linode scheme; <c>Linode</c> by default.</param>
    /// <returns>The builder.</returns>
    public static IWebHostBuilder UseLinodeEmulator(this IWebHostBuilder builder, LinodeEmulatorServer server, string scheme = "Linode")
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in LinodeEmulatorConfiguration.For(server, scheme))
        {
            builder.UseSetting(key, value);
        }

        return builder;
    }
}
