using Linode.AspNetCore.Authentication.Testing;
using Microsoft.AspNetCore.Http;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Mounts a <see cref="LinodeEmulator"/> under a path of an existing app (for example a sample app's own host).</summary>
public static class LinodeEmulatorApplicationBuilderExtensions
{
    /// <summary>Serves <paramref name="emulator"/> under <paramref name="pathPrefix"/>, e.g. <c>/linode-emulator</c>, so its
    /// endpoints are <c>{prefix}/oauth/authorize</c>, <c>{prefix}/v4/profile</c> and so on.</summary>
    /// <param name="app">The application.</param>
    /// <param name="pathPrefix">The path prefix.</param>
    /// <param name="emulator">The emulator.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UseLinodeEmulator(this IApplicationBuilder app, PathString pathPrefix, LinodeEmulator emulator)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(emulator);
        return app.Map(pathPrefix, branch => branch.Run(emulator.HandleAsync));
    }
}
