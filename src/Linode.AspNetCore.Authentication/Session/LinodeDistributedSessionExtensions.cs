using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication;

/// <summary>Server-side sessions for the cookie a Linode scheme signs in to.</summary>
public static class LinodeDistributedSessionExtensions
{
    /// <summary>
    /// Keeps the sign-in tickets of <paramref name="cookieScheme"/> in the app's <see cref="IDistributedCache"/> (Redis
    /// with <c>AddStackExchangeRedisCache</c>, or the <c>Linode.AspNetCore.Authentication.StackExchangeRedis</c> package),
    /// protected with Data Protection; the cookie then carries only a random session key. Every instance sees the same
    /// tokens, and signing out deletes the session, so a copied cookie stops working on every instance. The entry expires
    /// with the ticket (sliding renewal moves it). When the store cannot be reached the user is asked to sign in again
    /// rather than shown an error.
    /// </summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="cookieScheme">The cookie scheme whose tickets to keep server-side; <c>Cookies</c> by default.</param>
    /// <returns>The builder.</returns>
    public static AuthenticationBuilder AddLinodeDistributedSessions(this AuthenticationBuilder builder, string cookieScheme = CookieAuthenticationDefaults.AuthenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(cookieScheme);
        builder.Services.AddOptions<CookieAuthenticationOptions>(cookieScheme).Configure<IServiceProvider>((options, services) =>
        {
            var cache = services.GetService<IDistributedCache>() ?? throw new InvalidOperationException(
                $"AddLinodeDistributedSessions(\"{cookieScheme}\") keeps sessions in an IDistributedCache, and none is registered: call services.AddStackExchangeRedisCache(...) (or AddLinodeRedis(...).StoreSessions()), or AddDistributedMemoryCache() for a single instance.");
            options.SessionStore = new LinodeDistributedTicketStore(
                cookieScheme,
                options,
                cache,
                services,
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LinodeDistributedTicketStore).FullName!));
        });
        return builder;
    }
}
