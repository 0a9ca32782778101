using System.Diagnostics.Metrics;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>The package's instruments, on a meter from the app's <see cref="IMeterFactory"/> (so tests and hosts can
/// isolate and collect them).</summary>
internal sealed class LinodeInstrumentation
{
    public LinodeInstrumentation(IMeterFactory meters)
    {
        var meter = meters.Create(LinodeTelemetry.Name, LinodeTelemetryIdentity.Version);
        Calls = meter.CreateCounter<long>(
            "linode.authentication.calls", unit: "{call}", description: "Calls to Linode, by operation, outcome and HTTP status.");
        Duration = meter.CreateHistogram<double>(
            "linode.authentication.call.duration", unit: "s", description: "Duration of calls to Linode, by operation and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
        SignIns = meter.CreateCounter<long>(
            "linode.authentication.sign_ins", unit: "{sign_in}", description: "Completed callbacks of Linode sign-ins, by outcome.");
    }

    public Counter<long> Calls { get; }

    public Histogram<double> Duration { get; }

    public Counter<long> SignIns { get; }

    public void SignIn(string scheme, string outcome) =>
        SignIns.Add(1, new KeyValuePair<string, object?>("linode.scheme", scheme), new KeyValuePair<string, object?>("linode.outcome", outcome));
}
