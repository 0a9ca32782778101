using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Linode.AspNetCore.Authentication.Tests.Infrastructure;

/// <summary>The handler's sign-in counter (<c>linode.authentication.sign_ins</c>) on a test host's own meter factory, so
/// tests running in parallel do not see each other's sign-ins.</summary>
internal static class SignInCounter
{
    public static MetricCollector<long> Listen(IServiceProvider services) =>
        new(services.GetRequiredService<IMeterFactory>(), LinodeTelemetry.Name, "linode.authentication.sign_ins");

    /// <summary>The one sign-in measurement: the handler counts the outcome once the callback's pipeline has finished,
    /// which can be just after the browser has received the callback's answer, so wait for it (up to 5 s).</summary>
    public static async Task<CollectedMeasurement<long>> SingleAsync(MetricCollector<long> signIns)
    {
        try
        {
            await signIns.WaitForMeasurementsAsync(1, TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // Asserted below: none arrived.
        }

        return Assert.Single(signIns.GetMeasurementSnapshot());
    }
}
