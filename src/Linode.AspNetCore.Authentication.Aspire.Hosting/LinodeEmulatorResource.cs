using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>
/// The Linode emulator (the <c>linode-emulator</c> tool) as an executable resource: login.linode.com's OAuth endpoints
/// and a slice of api.linode.com/v4 on one loopback HTTP endpoint, with a health check. Development only.
/// </summary>
public sealed class LinodeEmulatorResource : ExecutableResource, ILinodeResource
{
    /// <summary>The name of its HTTP endpoint.</summary>
    public const string HttpEndpointName = "http";

    /// <summary>Creates the resource; <c>AddLinodeEmulator</c> sets how it runs.</summary>
    /// <param name="name">The resource name.</param>
    /// <param name="workingDirectory">Where <c>dotnet</c> runs: the app host's folder, so <c>dotnet tool exec</c> reads the
    /// NuGet configuration the app host's build reads.</param>
    public LinodeEmulatorResource(string name, string workingDirectory)
        : base(name, "dotnet", workingDirectory)
    {
    }

    /// <summary>The emulator's HTTP endpoint: the browser's authorize page, the back-channel and the API.</summary>
    public EndpointReference HttpEndpoint => field ??= new(this, HttpEndpointName);
}
