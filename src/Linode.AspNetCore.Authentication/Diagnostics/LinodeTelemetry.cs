using System.Diagnostics;
using System.Reflection;

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

    /// <summary>The package version, as sent in the back-channel <c>User-Agent</c>.</summary>
    // Stryker disable once all : static initializer: evaluated once per test process, so Stryker's shared MTP test process cannot test it honestly (docs/testing.md)
    internal static readonly string Version = ReadVersion();

    /// <summary>The <c>User-Agent</c> product sent on every back-channel call, e.g. <c>Linode.AspNetCore.Authentication/0.1.0</c>.
    /// Linode's edge firewall has blocked anonymous clients, so a descriptive agent is always sent.</summary>
    // Stryker disable once all : static initializer: evaluated once per test process, so Stryker's shared MTP test process cannot test it honestly (docs/testing.md)
    internal static readonly string UserAgent = Name + "/" + Version;

    // Stryker disable once all : static initializer: evaluated once per test process, so Stryker's shared MTP test process cannot test it honestly (docs/testing.md)
    internal static readonly ActivitySource ActivitySource = new(Name, Version);

    /// <summary>Starts the telemetry of one call to Linode for the scheme of <paramref name="options"/>.</summary>
    internal static LinodeOperation Start(LinodeOptions options, string operation) =>
        new(options.Instrumentation, operation, options.SchemeName ?? string.Empty, options.TimeProvider ?? TimeProvider.System);

    // Stryker disable all : static initializer: evaluated once per test process, so Stryker's shared MTP test process cannot test it honestly (docs/testing.md)
    private static string ReadVersion()
    {
        var informational = typeof(LinodeTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
    // Stryker restore all
}
