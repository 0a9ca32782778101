using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// The emulator's request pipeline, built on the platform's endpoint routing without a generic host (see
/// <see cref="EmulatorHttpApplication"/> for why): routing picks the endpoint, <see cref="EmulatorFrontDoor"/> counts,
/// records and injects faults, then the endpoint answers.
/// </summary>
internal sealed class EmulatorPipeline : IDisposable
{
    private readonly ServiceProvider _services;

    public EmulatorPipeline(EmulatorEndpointSource endpoints, EmulatorFrontDoor frontDoor, ILoggerFactory loggerFactory)
    {
        _services = new ServiceCollection()
            .AddSingleton(loggerFactory)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddSingleton(new DiagnosticListener("Linode.AspNetCore.Authentication.Testing"))
            .AddRouting()
            .BuildServiceProvider();
        var app = new ApplicationBuilder(_services);
        app.Use(ForgetTheHostsEndpoint);
        app.UseRouting();
        app.Use(frontDoor.InvokeAsync);
        app.UseEndpoints(routes => routes.DataSources.Add(endpoints));
        Handle = app.Build();
    }

    /// <summary>Serves one request; its path is taken relative to its path base.</summary>
    public RequestDelegate Handle { get; }

    public void Dispose() => _services.Dispose();

    /// <summary>Mounted in an app (<c>UseLinodeEmulator</c>), the request may carry the endpoint the app's own routing
    /// matched; the emulator routes it afresh. Served on its own, it has no request services: the pipeline's stand in.</summary>
    private Task ForgetTheHostsEndpoint(HttpContext context, RequestDelegate next)
    {
        context.SetEndpoint(null);
        context.Request.RouteValues.Clear();
        context.RequestServices ??= _services;
        return next(context);
    }
}
