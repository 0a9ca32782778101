using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis;

/// <summary>Adds the other shared pieces of a multi-instance app to the Redis connection of <c>AddLinodeRedis</c>.</summary>
public sealed class LinodeRedisBuilder
{
    internal LinodeRedisBuilder(IServiceCollection services) => Services = services;

    /// <summary>The app's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Keeps the Data Protection key ring in Redis (Microsoft's <c>PersistKeysToStackExchangeRedis</c>, on the
    /// same connection), so that every instance can read the cookies, the correlation cookie of a sign-in started on
    /// another instance and the shared refresh results. Give every instance the same application name
    /// (<c>SetApplicationName</c>) too when they do not run from the same content root.
    /// <para>Encrypt the ring at rest with the platform's own mechanisms, e.g.
    /// <c>services.AddDataProtection().ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate)</c>:
    /// otherwise it is stored in clear next to the data it protects, and a reader of Redis can decrypt the tokens (warned
    /// at start-up in Production, 5109). An instance that starts while Redis is down answers requests that need the ring
    /// 503 with <c>Retry-After</c> until Redis answers (5108).</para></summary>
    /// <param name="key">The Redis key of the key ring; <c>&lt;prefix&gt;data-protection-keys</c> by default.</param>
    /// <returns>This builder.</returns>
    public LinodeRedisBuilder PersistDataProtectionKeys(string? key = null)
    {
        Services.AddDataProtection();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, LinodeKeyRingUnavailable>());
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, LinodeKeyRingAtRestCheck>());
        Services.AddOptions<KeyManagementOptions>().Configure<LinodeRedisConnection, IOptions<LinodeRedisOptions>>((keyManagement, redis, options) =>
        {
            var redisKey = key ?? options.Value.KeyPrefix + "data-protection-keys";

            // The key ring is read at start-up and about once a day, synchronously (Data Protection's repository API is).
            keyManagement.XmlRepository = new Microsoft.AspNetCore.DataProtection.StackExchangeRedis.RedisXmlRepository(
                () => redis.GetDatabaseAsync().GetAwaiter().GetResult(), redisKey);
        });
        return this;
    }

    /// <summary>Keeps the sign-in sessions of <paramref name="cookieScheme"/> in Redis (Microsoft's Redis
    /// <c>IDistributedCache</c>, on the same connection, through <c>AddLinodeDistributedSessions</c>): the cookie carries
    /// only a session key, every instance sees refreshed tokens, and sign-out ends the session on every instance.</summary>
    /// <param name="cookieScheme">The cookie scheme the Linode scheme signs in to; <c>Cookies</c> by default.</param>
    /// <returns>This builder.</returns>
    public LinodeRedisBuilder StoreSessions(string cookieScheme = CookieAuthenticationDefaults.AuthenticationScheme)
    {
        Services.AddStackExchangeRedisCache(_ => { });
        Services.AddOptions<RedisCacheOptions>().Configure<LinodeRedisConnection, IOptions<LinodeRedisOptions>>((cache, redis, options) =>
        {
            cache.ConnectionMultiplexerFactory = redis.GetAsync;
            cache.InstanceName = options.Value.KeyPrefix;
        });
        new AuthenticationBuilder(Services).AddLinodeDistributedSessions(cookieScheme);
        return this;
    }
}
