using Linode.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the Linode handler: <c>services.AddAuthentication().AddCookie().AddLinode()</c>.
/// </summary>
public static class LinodeExtensions
{
    /// <summary>Adds Linode sign-in under the scheme <see cref="LinodeDefaults.AuthenticationScheme"/>, configured from
    /// <c>Authentication:Schemes:Linode</c>.</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <returns>The builder.</returns>
    public static AuthenticationBuilder AddLinode(this AuthenticationBuilder builder)
        => builder.AddLinode(LinodeDefaults.AuthenticationScheme, _ => { });

    /// <summary>Adds Linode sign-in under the scheme <see cref="LinodeDefaults.AuthenticationScheme"/>.</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="configureOptions">Configures the options after configuration binding.</param>
    /// <returns>The builder.</returns>
    public static AuthenticationBuilder AddLinode(this AuthenticationBuilder builder, Action<LinodeOptions> configureOptions)
        => builder.AddLinode(LinodeDefaults.AuthenticationScheme, configureOptions);

    /// <summary>Adds Linode sign-in under <paramref name="authenticationScheme"/>.</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="authenticationScheme">The scheme name; configuration comes from <c>Authentication:Schemes:&lt;name&gt;</c>.</param>
    /// <param name="configureOptions">Configures the options after configuration binding.</param>
    /// <returns>The builder.</returns>
    public static AuthenticationBuilder AddLinode(this AuthenticationBuilder builder, string authenticationScheme, Action<LinodeOptions> configureOptions)
        => builder.AddLinode(authenticationScheme, LinodeDefaults.DisplayName, configureOptions);

    /// <summary>Adds Linode sign-in under <paramref name="authenticationScheme"/> with a display name.</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="authenticationScheme">The scheme name; configuration comes from <c>Authentication:Schemes:&lt;name&gt;</c>.</param>
    /// <param name="displayName">The display name shown on login buttons.</param>
    /// <param name="configureOptions">Configures the options after configuration binding.</param>
    /// <returns>The builder.</returns>
    public static AuthenticationBuilder AddLinode(this AuthenticationBuilder builder, string authenticationScheme, string? displayName, Action<LinodeOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(authenticationScheme);
        ArgumentNullException.ThrowIfNull(configureOptions);

        // AddAuthentication has registered TimeProvider.System and the metrics services (IMeterFactory) already.
        var services = builder.Services;
        services.TryAddSingleton<LinodeInstrumentation>();
        services.AddHttpClient(LinodeDefaults.BackchannelHttpClientName).UseLinodeHttpClientLogger();
        services.TryAddSingleton<ILinodeTokenRevoker, LinodeTokenRevoker>();
        services.TryAddSingleton<LinodeTicketRevocation>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, LinodeScopeAuthorizationHandler>());

        // Order matters: configuration binding before the app's delegate (code wins), and the IHttpClientFactory
        // back-channel before OAuth's own post-configuration (which would otherwise create a bare HttpClient).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<LinodeOptions>, LinodeConfigurationBinder>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<LinodeOptions>, LinodeBackchannelSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<LinodeOptions>, LinodeRequiredScopesSetup>());
        services.TryAddSingleton<LinodeSchemeNames>();
        services.TryAddSingleton<ILinodeTokenRefreshSynchronization, LinodeInProcessRefreshSynchronization>();
        services.TryAddSingleton<LinodeTokenRefresher>();
        services.TryAddSingleton(provider => new LinodeUserTokens(provider));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<CookieAuthenticationOptions>, LinodeSessionEvents>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LinodeStartupCheck>());
        services.AddSingleton(new LinodeSchemeRegistration(authenticationScheme)); // LinodeStartupCheck validates its options at start

        return builder.AddOAuth<LinodeOptions, LinodeHandler>(authenticationScheme, displayName!, configureOptions);
    }
}
