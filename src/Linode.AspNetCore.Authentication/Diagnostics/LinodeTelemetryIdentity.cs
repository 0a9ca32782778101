using System.Diagnostics;
using System.Net.Http.Headers;
using System.Reflection;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// What the package is called on the wire and in telemetry, evaluated once per process: its version, the
/// <c>User-Agent</c> of every call to Linode, and the one <see cref="System.Diagnostics.ActivitySource"/> its calls are
/// traced on. Static initializers only, so mutation testing leaves this file out (<c>test/Mutation/stryker-handler.json</c>:
/// a shared test process evaluates them once, before any mutant is switched on); the tests read the values directly.
/// </summary>
internal static class LinodeTelemetryIdentity
{
    /// <summary>The package version, as sent in the back-channel <c>User-Agent</c>.</summary>
    public static readonly string Version = ReadVersion();

    /// <summary>The <c>User-Agent</c> product sent on every back-channel call, e.g. <c>Linode.AspNetCore.Authentication/0.1.0</c>.
    /// Linode's edge firewall has blocked anonymous clients, so a descriptive agent is always sent.</summary>
    public static readonly string UserAgent = LinodeTelemetry.Name + "/" + Version;

    /// <summary><see cref="UserAgent"/> as a header value.</summary>
    public static readonly ProductInfoHeaderValue UserAgentProduct = ProductInfoHeaderValue.Parse(UserAgent);

    /// <summary>The activity source every call to Linode is traced on.</summary>
    public static readonly ActivitySource ActivitySource = new(LinodeTelemetry.Name, Version);

    private static string ReadVersion()
    {
        var informational = typeof(LinodeTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
