using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// The package's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <see cref="Name"/>.
/// Subscribe with OpenTelemetry's <c>AddSource</c>/<c>AddMeter</c>.
/// </summary>
public static class LinodeTelemetry
{
    /// <summary>The name of the activity source and of the meter: <c>Linode.AspNetCore.Authentication</c>.</summary>
    public const string Name = "Linode.AspNetCore.Authentication";

    /// <summary>The package version, as sent in the back-channel <c>User-Agent</c>.</summary>
    internal static readonly string Version = ReadVersion();

    /// <summary>The <c>User-Agent</c> product sent on every back-channel call, e.g. <c>Linode.AspNetCore.Authentication/0.1.0</c>.
    /// Linode's edge firewall has blocked anonymous clients, so a descriptive agent is always sent.</summary>
    internal static readonly string UserAgent = Name + "/" + Version;

    internal static readonly ActivitySource ActivitySource = new(Name, Version);

    internal static readonly Meter Meter = new(Name, Version);

    /// <summary>Calls to Linode's login and API endpoints, tagged <c>linode.endpoint</c> and <c>linode.outcome</c>.</summary>
    internal static readonly Counter<long> BackchannelCalls = Meter.CreateCounter<long>(
        "linode.authentication.backchannel.calls", unit: "{call}", description: "Calls the handler made to Linode, by endpoint and outcome.");

    internal static void Count(string endpoint, string outcome) =>
        BackchannelCalls.Add(1, new KeyValuePair<string, object?>("linode.endpoint", endpoint), new KeyValuePair<string, object?>("linode.outcome", outcome));

    private static string ReadVersion()
    {
        var informational = typeof(LinodeTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
