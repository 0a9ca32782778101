using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis;

/// <summary>Runs a Linode sign-in app as several instances on Redis.</summary>
public static class LinodeRedisServiceCollectionExtensions
{
    /// <summary>Coordinates token refreshes of every instance through Redis at <paramref name="configuration"/> (one
    /// refresh per rotation, the result shared encrypted). Chain <see cref="LinodeRedisBuilder.StoreSessions"/> and
    /// <see cref="LinodeRedisBuilder.PersistDataProtectionKeys"/> for server-side sessions and a shared key ring.</summary>
    /// <param name="services">The app's services.</param>
    /// <param name="configuration">A StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>.</param>
    /// <returns>A builder for the other shared pieces.</returns>
    public static LinodeRedisBuilder AddLinodeRedis(this IServiceCollection services, string configuration)
    {
        ArgumentException.ThrowIfNullOrEmpty(configuration);
        return services.AddLinodeRedis(options => options.Configuration = configuration);
    }

    /// <summary>Coordinates token refreshes of every instance through Redis (see <see cref="LinodeRedisOptions"/>).</summary>
    /// <param name="services">The app's services.</param>
    /// <param name="configure">Sets the connection and the coordination's timings.</param>
    /// <returns>A builder for the other shared pieces.</returns>
    public static LinodeRedisBuilder AddLinodeRedis(this IServiceCollection services, Action<LinodeRedisOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<LinodeRedisOptions>().Configure(configure).Validate(
            options => !string.IsNullOrEmpty(options.Configuration) || options.ConnectionMultiplexerFactory is not null,
            "AddLinodeRedis needs LinodeRedisOptions.Configuration (a StackExchange.Redis configuration string such as 'localhost:6379') or a ConnectionMultiplexerFactory.")
            .Validate(options => options.RefreshLockLifetime > TimeSpan.Zero && options.RefreshResultLifetime > TimeSpan.Zero && options.RefreshWaitTimeout > TimeSpan.Zero,
            "LinodeRedisOptions: RefreshLockLifetime, RefreshResultLifetime and RefreshWaitTimeout must be positive.")
            .ValidateOnStart();
        services.AddDataProtection();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LinodeRedisConnection>();
        services.RemoveAll<ILinodeTokenRefreshSynchronization>();
        services.AddSingleton<ILinodeTokenRefreshSynchronization, LinodeRedisRefreshSynchronization>();
        return new LinodeRedisBuilder(services);
    }
}
