using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Linode.AspNetCore.Authentication.Aspire.Hosting.Internal;

namespace Aspire.Hosting;

/// <summary>Adds the Linode emulator to an Aspire app host and sets how it runs.</summary>
public static class LinodeEmulatorBuilderExtensions
{
    /// <summary>
    /// Adds the Linode emulator as a resource: the <c>linode-emulator</c> tool, run with <c>dotnet tool exec</c> from the
    /// <c>Linode.AspNetCore.Authentication.EmulatorTool</c> package of this integration's version, on one HTTP endpoint
    /// with a health check (<c>/_emulator/health</c>). Reference it from a project with <c>WithReference</c>: the project
    /// gets its own OAuth client and the <c>Authentication:Schemes:Linode</c> settings. Development only.
    /// </summary>
    /// <param name="builder">The app host builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="port">The port browsers and apps use; a free one by default.</param>
    /// <returns>The emulator resource.</returns>
    public static IResourceBuilder<LinodeEmulatorResource> AddLinodeEmulator(this IDistributedApplicationBuilder builder, [ResourceName] string name, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var launch = new LinodeEmulatorLaunch();
        var emulator = new LinodeEmulatorResource(name, builder.AppHostDirectory);
        return builder.AddResource(emulator)
            .WithAnnotation(launch)
            .WithHttpEndpoint(port: port, name: LinodeEmulatorResource.HttpEndpointName)
            .WithArgs(context =>
            {
                foreach (var argument in launch.DotnetArguments())
                {
                    context.Args.Add(argument);
                }

                context.Args.Add("--port");
                context.Args.Add(emulator.HttpEndpoint.Property(EndpointProperty.TargetPort));
            })
            .WithEnvironment(context => LinodeEmulatorClients.Write(emulator, context.EnvironmentVariables))
            .WithHttpHealthCheck("/_emulator/health", endpointName: LinodeEmulatorResource.HttpEndpointName)
            .WithUrlForEndpoint(LinodeEmulatorResource.HttpEndpointName, url => url.DisplayText = "Linode emulator")
            .WithIconName("PersonKey")
            .ExcludeFromManifest();
    }

    /// <summary>Runs the emulator from the tool's project instead of its package (a repository that builds the tool, such
    /// as this one's samples): <c>dotnet run --project</c> with the app host's configuration.</summary>
    /// <typeparam name="TProject">The tool's project, as the app host's <c>Projects</c> class names it.</typeparam>
    /// <param name="builder">The emulator resource.</param>
    /// <returns>The emulator resource.</returns>
    public static IResourceBuilder<LinodeEmulatorResource> WithToolProject<TProject>(this IResourceBuilder<LinodeEmulatorResource> builder)
        where TProject : IProjectMetadata, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        var launch = Launch(builder);
        launch.ProjectPath = new TProject().ProjectPath;
        launch.Configuration = System.Reflection.Assembly.GetEntryAssembly()?.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().FirstOrDefault()?.Configuration;
        return builder;
    }

    /// <summary>Adds a NuGet source the tool package is fetched from (a local folder, a private feed).</summary>
    /// <param name="builder">The emulator resource.</param>
    /// <param name="source">The source.</param>
    /// <returns>The emulator resource.</returns>
    public static IResourceBuilder<LinodeEmulatorResource> WithToolSource(this IResourceBuilder<LinodeEmulatorResource> builder, string source)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(source);
        Launch(builder).Sources.Add(source);
        return builder;
    }

    /// <summary>Runs another version of the tool package than this integration's.</summary>
    /// <param name="builder">The emulator resource.</param>
    /// <param name="version">The package version.</param>
    /// <returns>The emulator resource.</returns>
    public static IResourceBuilder<LinodeEmulatorResource> WithToolVersion(this IResourceBuilder<LinodeEmulatorResource> builder, string version)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(version);
        Launch(builder).Version = version;
        return builder;
    }

    /// <summary>Sets how the emulator answers a sign-in; a consent page by default.</summary>
    /// <param name="builder">The emulator resource.</param>
    /// <param name="consent">The consent mode.</param>
    /// <returns>The emulator resource.</returns>
    public static IResourceBuilder<LinodeEmulatorResource> WithConsent(this IResourceBuilder<LinodeEmulatorResource> builder, LinodeEmulatorConsent consent) =>
        builder.WithEnvironment("LinodeEmulator__ConsentMode", consent.ToString());

    /// <summary>Sets the lifetime of the access tokens it issues (Linode's: 2 hours). A short one makes an app's
    /// automatic refresh happen while you watch.</summary>
    /// <param name="builder">The emulator resource.</param>
    /// <param name="lifetime">The lifetime; positive.</param>
    /// <returns>The emulator resource.</returns>
    public static IResourceBuilder<LinodeEmulatorResource> WithAccessTokenLifetime(this IResourceBuilder<LinodeEmulatorResource> builder, TimeSpan lifetime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        return builder.WithEnvironment("LinodeEmulator__AccessTokenLifetime", lifetime.ToString("c", CultureInfo.InvariantCulture));
    }

    private static LinodeEmulatorLaunch Launch(IResourceBuilder<LinodeEmulatorResource> builder) =>
        builder.Resource.Annotations.OfType<LinodeEmulatorLaunch>().Single();
}
