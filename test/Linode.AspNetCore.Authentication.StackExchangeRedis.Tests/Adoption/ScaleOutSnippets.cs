// The scale-out C# blocks of README.md and of the Redis package's PACKAGE.md, compiled here; PackageSnippetTests (in the
// handler's tests) checks that each Markdown block equals its region. Never run: ThreeInstanceTests runs the same set-up.
#pragma warning disable CA1052, CA1812, IDE0051 // snippet holders

using Linode.AspNetCore.Authentication.StackExchangeRedis;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using System.Security.Cryptography.X509Certificates;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Tests.Adoption;

internal static class ScaleOutSnippets
{
    public static void ScaleOut(WebApplicationBuilder builder)
    {
        #region scale-out-redis
        builder.Services.AddDataProtection().SetApplicationName("my-app");   // the same name on every instance
        builder.Services
            .AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = LinodeDefaults.AuthenticationScheme;
            })
            .AddCookie()
            .AddLinode(options => options.AutomaticTokenRefresh = true);

        builder.Services.AddLinodeRedis(builder.Configuration.GetConnectionString("Redis")!)  // one refresh per rotation
            .PersistDataProtectionKeys()   // Microsoft's Redis key ring: every instance reads every cookie
            .StoreSessions();              // the cookie carries a session key; sign-out ends it everywhere
        #endregion
    }

    public static void Options(WebApplicationBuilder builder)
    {
        #region scale-out-options
        builder.Services.AddLinodeRedis(options =>
        {
            options.Configuration = "redis.internal:6379,password=…,ssl=true";
            options.KeyPrefix = "my-app:";                              // apps sharing one Redis
            options.RefreshLockLifetime = TimeSpan.FromSeconds(10);     // extended while Linode answers
            options.RefreshResultLifetime = TimeSpan.FromMinutes(1);    // how long others reuse a refresh
        });
        #endregion
    }

    public static void KeyRingAtRest(WebApplicationBuilder builder)
    {
        #region scale-out-key-ring-at-rest
        // A PFX every instance has (a mounted secret), never stored in Redis.
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(
            builder.Configuration["DataProtection:Certificate:Path"]!, builder.Configuration["DataProtection:Certificate:Password"]);
        builder.Services.AddDataProtection()
            .SetApplicationName("my-app")
            .ProtectKeysWithCertificate(certificate)          // new keys are encrypted before they reach Redis
            .UnprotectKeysWithAnyCertificate(certificate);    // and read back with it (also after a rotation)

        builder.Services.AddLinodeRedis(options => options.ConnectionMultiplexerFactory = async () =>
        {
            var redis = ConfigurationOptions.Parse(builder.Configuration.GetConnectionString("Redis")!);
            redis.User = "linode-app";                        // a Redis ACL user limited to the app's key prefix
            redis.Password = builder.Configuration["Redis:Password"];
            redis.Ssl = true;                                 // TLS: nobody on the network reads the traffic
            redis.AbortOnConnectFail = false;                 // start while Redis is down
            return await ConnectionMultiplexer.ConnectAsync(redis);
        })
            .PersistDataProtectionKeys()
            .StoreSessions();
        #endregion
    }

    public static void SessionsOnly(WebApplicationBuilder builder)
    {
        #region scale-out-any-cache
        builder.Services.AddDistributedMemoryCache();   // or any IDistributedCache (SQL Server, Postgres, …)
        builder.Services.AddAuthentication()
            .AddCookie()
            .AddLinode()
            .AddLinodeDistributedSessions();                            // sessions of the "Cookies" scheme
        #endregion
    }
}
