using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// Server-side sessions for one cookie scheme: the ticket (claims, saved tokens) lives in the app's
/// <see cref="IDistributedCache"/>, protected with Data Protection, and the cookie carries only a random session key.
/// Every instance reads the same ticket, so a refresh applied by one is seen by all, and sign-out removes the entry, so a
/// cookie replayed afterwards is refused everywhere. An entry expires when the ticket does (the cookie handler moves
/// <c>ExpiresUtc</c> on sliding renewal). A store that cannot be reached never fails a request: reading answers "no
/// session" (the user is challenged again), writing a renewal keeps the previous entry, and both are logged.
/// </summary>
internal sealed class LinodeDistributedTicketStore : ITicketStore
{
    /// <summary>The cache key prefix of sessions.</summary>
    internal const string KeyPrefix = "Linode.Session:";

    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(14);
    private readonly IDistributedCache _cache;
    private readonly IDataProtector _protector;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _scheme;

    public LinodeDistributedTicketStore(string cookieScheme, IDistributedCache cache, IDataProtectionProvider dataProtection, TimeProvider time, ILogger logger)
    {
        _scheme = cookieScheme;
        _cache = cache;
        _protector = dataProtection.CreateProtector("Linode.AspNetCore.Authentication.Session", cookieScheme);
        _time = time;
        _logger = logger;
    }

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) => StoreAsync(ticket, cancellationToken);

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) => RenewAsync(key, ticket, cancellationToken);

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) => RetrieveAsync(key, cancellationToken);

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) => RemoveAsync(key, cancellationToken);

    /// <summary>Stores a new session under a fresh 256-bit random key. A store that cannot be reached fails the sign-in
    /// (the handler shows its failure page and revokes the token it was given): there is no session to hand out.</summary>
    private async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = Base64UrlKey();
        await _cache.SetAsync(KeyPrefix + key, Protect(ticket), EntryOptions(ticket), cancellationToken).ConfigureAwait(false);
        return key;
    }

    private async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        try
        {
            await _cache.SetAsync(KeyPrefix + key, Protect(ticket), EntryOptions(ticket), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LinodeLog.SessionStoreUnavailable(_logger, _scheme, "renew", exception);
        }
    }

    private async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        byte[]? protectedTicket;
        try
        {
            protectedTicket = await _cache.GetAsync(KeyPrefix + key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LinodeLog.SessionStoreUnavailable(_logger, _scheme, "read", exception);
            return null;
        }

        if (protectedTicket is null)
        {
            LinodeLog.SessionNotFound(_logger, _scheme);
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(protectedTicket));
        }
        catch (CryptographicException exception)
        {
            LinodeLog.SessionUnreadable(_logger, _scheme, exception);
            return null;
        }
    }

    /// <summary>Deletes the session. Sign-out must not stop half-way when the browser leaves, so the request's token is
    /// not used; a store that cannot be reached is logged as an error (the entry then lives until it expires).</summary>
    private async Task RemoveAsync(string key, CancellationToken _)
    {
        try
        {
            await _cache.RemoveAsync(KeyPrefix + key, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LinodeLog.SessionNotRemoved(_logger, _scheme, exception);
        }
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private DistributedCacheEntryOptions EntryOptions(AuthenticationTicket ticket) => new()
    {
        AbsoluteExpiration = ticket.Properties.ExpiresUtc ?? _time.GetUtcNow().Add(DefaultLifetime),
    };

    private static string Base64UrlKey() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
