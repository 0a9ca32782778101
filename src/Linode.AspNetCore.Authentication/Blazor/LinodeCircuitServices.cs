namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// The services of the Blazor circuit whose activity is running, for code that runs in a DI scope of its own (an
/// <c>IHttpClientFactory</c> handler): Microsoft's documented pattern, an <see cref="AsyncLocal{T}"/> set by
/// <see cref="LinodeCircuitServicesHandler"/> on each inbound activity of the circuit. Null outside a circuit.
/// </summary>
internal static class LinodeCircuitServices
{
    private static readonly AsyncLocal<IServiceProvider?> Current = new();

    public static IServiceProvider? Services
    {
        get => Current.Value;
        set => Current.Value = value;
    }
}
