using System.Diagnostics;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// The package's <see cref="ActivitySource"/> and meter, both named <see cref="Name"/>: subscribe with OpenTelemetry's
/// <c>AddSource(LinodeTelemetry.Name)</c> and <c>AddMeter(LinodeTelemetry.Name)</c>. Every call to Linode is a client
/// activity tagged <c>linode.operation</c> (<c>exchange</c>, <c>profile</c>, <c>refresh</c>, <c>revoke</c>),
/// <c>linode.scheme</c>, <c>http.response.status_code</c> and, on failure, <c>error.type</c>, with status Error; the
/// instruments are listed in the README.
/// </summary>
public static class LinodeTelemetry
{
    /// <summary>The name of the activity source and of the meter: <c>Linode.AspNetCore.Authentication</c>.</summary>
    public const string Name = "Linode.AspNetCore.Authentication";

    /// <summary>Starts the telemetry of one call to Linode for the scheme of <paramref name="options"/>.</summary>
    internal static LinodeOperation Start(LinodeOptions options, string operation) =>
        new(options.Instrumentation, operation, options.SchemeName ?? string.Empty, options.TimeProvider ?? TimeProvider.System);
}
