using System.Net.Http.Headers;
using Linode.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Makes an <see cref="HttpClient"/> call the Linode API as the signed-in user.</summary>
public static class LinodeHttpClientBuilderExtensions
{
    /// <summary>
    /// Calls the Linode API as the signed-in user: sets the base address (<c>https://api.linode.com/v4/</c> by default,
    /// or configuration's <c>LinodeApi:BaseAddress</c>, which an emulator sets; <paramref name="configure"/> wins),
    /// <c>Accept: application/json</c> and the package's <c>User-Agent</c>, attaches the user's current access token
    /// (refreshed first when <see cref="LinodeOptions.AutomaticTokenRefresh"/> is on), and maps Linode's missing-scope,
    /// invalid-token and rate-limit answers to typed exceptions. The client's default loggers are replaced by one that logs
    /// no header (theirs record the bearer token in structured log state). Example:
    /// <c>services.AddHttpClient&lt;MyLinodeClient&gt;().AddLinodeUserAccessToken();</c>
    /// </summary>
    /// <param name="builder">The HTTP client builder.</param>
    /// <param name="configure">Configures the API root and the sign-in scheme.</param>
    /// <returns>The builder.</returns>
    public static IHttpClientBuilder AddLinodeUserAccessToken(this IHttpClientBuilder builder, Action<LinodeApiClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var name = builder.Name;
        builder.Services.AddHttpContextAccessor();
        var options = builder.Services.AddOptions<LinodeApiClientOptions>(name).Configure<IServiceProvider>(LinodeApiClientConfiguration.Apply);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.ConfigureHttpClient((services, client) =>
        {
            client.BaseAddress = services.GetRequiredService<IOptionsMonitor<LinodeApiClientOptions>>().Get(name).BaseAddress;
            client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            client.DefaultRequestHeaders.UserAgent.Add(LinodeTelemetryIdentity.UserAgentProduct);
        });
        builder.UseLinodeHttpClientLogger();
        return builder.AddHttpMessageHandler(services => new LinodeUserAccessTokenHandler(
            services.GetRequiredService<IHttpContextAccessor>(), services.GetRequiredService<IOptionsMonitor<LinodeApiClientOptions>>(), name));
    }
}
