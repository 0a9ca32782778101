using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// The emulator as a bare <see cref="IHttpApplication{TContext}"/>, served by a server without a generic host. Building a
/// host would raise the hosting diagnostics events that <c>WebApplicationFactory</c> listens to, and an emulator started
/// inside an app's <c>Program</c> would then be mistaken for the app itself.
/// </summary>
internal sealed class EmulatorHttpApplication : IHttpApplication<HttpContext>
{
    private readonly LinodeEmulator _emulator;

    public EmulatorHttpApplication(LinodeEmulator emulator) => _emulator = emulator;

    public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

    public Task ProcessRequestAsync(HttpContext context) => _emulator.HandleAsync(context);

    public void DisposeContext(HttpContext context, Exception? exception)
    {
    }
}
