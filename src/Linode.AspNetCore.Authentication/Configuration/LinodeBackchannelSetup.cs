using System.Globalization;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// Gives each Linode scheme a back-channel <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/> (named
/// <see cref="LinodeDefaults.BackchannelHttpClientName"/>, so apps can add proxies or resilience handlers) unless the
/// app set <c>Backchannel</c> or <c>BackchannelHttpHandler</c>. Registered before the OAuth post-configuration, which
/// then keeps this client. Also gives the options their scheme name and the package's instruments, for telemetry.
/// </summary>
internal sealed class LinodeBackchannelSetup : IPostConfigureOptions<LinodeOptions>
{
    private readonly IHttpClientFactory _clients;
    private readonly LinodeInstrumentation _instrumentation;

    public LinodeBackchannelSetup(IHttpClientFactory clients, LinodeInstrumentation instrumentation)
    {
        _clients = clients;
        _instrumentation = instrumentation;
    }

    public void PostConfigure(string? name, LinodeOptions options)
    {
        // Checked here rather than in Validate: ASP.NET Core's own post-configuration builds the back-channel HttpClient
        // (whose Timeout refuses the value with a message that names no setting) before options are validated.
        if (options.BackchannelTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"'{LinodeConfigurationKeys.Key(name ?? LinodeDefaults.AuthenticationScheme, nameof(options.BackchannelTimeout))}' must be positive; it is {options.BackchannelTimeout:c}."));
        }

        options.SchemeName = name;
        options.Instrumentation = _instrumentation;
        if (options.Backchannel is not null || options.BackchannelHttpHandler is not null)
        {
            return;
        }

        var client = _clients.CreateClient(LinodeDefaults.BackchannelHttpClientName);
        client.Timeout = options.BackchannelTimeout;
        client.MaxResponseContentBufferSize = 1024 * 1024 * 10;
        options.Backchannel = client;
    }
}
