using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>Makes the circuit's services current (<see cref="LinodeCircuitServices"/>) for each of its inbound activities
/// (a render, an event handler, a JS interop call): one instance per circuit, from the circuit's scope.</summary>
/// <param name="services">The circuit's services.</param>
internal sealed class LinodeCircuitServicesHandler(IServiceProvider services) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            LinodeCircuitServices.Services = services;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                LinodeCircuitServices.Services = null;
            }
        };
}
