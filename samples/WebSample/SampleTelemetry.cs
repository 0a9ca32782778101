using Linode.AspNetCore.Authentication;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace WebSample;

/// <summary>
/// Traces, metrics and logs over OTLP when an OTLP endpoint is configured (the Aspire app host sets
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, so its dashboard shows them): the package's own activity source and meter
/// (sign-ins, back-channel calls, refreshes, revocations) next to ASP.NET Core's and HttpClient's. The instrumentations
/// redact query strings (the callback's code and state) by default.
/// </summary>
public static class SampleTelemetry
{
    public static void AddWhenExporting(WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return;
        }

        builder.Logging.AddOpenTelemetry(logging => logging.IncludeFormattedMessage = true);
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(LinodeTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics.AddMeter(LinodeTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
            .UseOtlpExporter();
    }
}
