using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Internal;

/// <summary>
/// For an app whose Data Protection key ring lives in Redis (<see cref="LinodeRedisBuilder.PersistDataProtectionKeys"/>):
/// an instance that has not read the key ring yet (it started while Redis was down) cannot protect a sign-in's state, a
/// cookie or an anti-forgery token. A request that fails for that reason is answered 503 with <c>Retry-After: 5</c> and a
/// short page saying so, instead of a 500; the cause is logged (5108). Data Protection reads the ring again on the next
/// request, so the instance recovers by itself once Redis answers. Once read, the ring is cached in memory and a later
/// outage does not need this.
/// </summary>
internal sealed class LinodeKeyRingUnavailable : IStartupFilter
{
    private const string Page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Try again in a moment</title></head><body><h1>Signing in is unavailable for a moment</h1><p>This app cannot reach the store that holds its encryption keys. Try again in a few seconds.</p></body></html>";

    private readonly ILogger _logger;

    public LinodeKeyRingUnavailable(ILogger<LinodeKeyRingUnavailable> logger) => _logger = logger;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            try
            {
                await nextMiddleware(context).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsKeyRingUnreachable(exception) && !context.Response.HasStarted)
            {
                LinodeRedisLog.KeyRingUnavailable(_logger, context.Request.Path, exception);
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "5";
                context.Response.Headers.CacheControl = "no-store";
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(Page, context.RequestAborted).ConfigureAwait(false);
            }
        });
        next(app);
    };

    /// <summary>Data Protection failing because Redis could not be reached: a cryptographic failure caused by a Redis
    /// connection or time-out error.</summary>
    private static bool IsKeyRingUnreachable(Exception exception)
    {
        var sawCryptography = false;
        for (var current = exception; current is not null; current = current.InnerException)
        {
            sawCryptography |= current is System.Security.Cryptography.CryptographicException;
            if (sawCryptography && current is RedisException or RedisTimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
