using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// Server-side sessions for one cookie scheme: the ticket (claims, saved tokens) lives in the app's
/// <see cref="IDistributedCache"/>, protected with Data Protection, and the cookie carries only a random session key.
/// Every instance reads the same ticket, so a refresh applied by one is seen by all. An entry expires when the ticket does
/// (the cookie handler moves <c>ExpiresUtc</c> on sliding renewal). A store that cannot be reached never fails a request:
/// reading answers "no session" (the user is challenged again), writing a renewal keeps the previous entry, and both are
/// logged.
/// <para>
/// An ended session stays ended under any interleaving of requests. Sign-out first writes a marker,
/// <c>Linode.Session.Ended:&lt;key&gt;</c>, that outlives any ticket a renewal could write (the cookie's
/// <c>ExpireTimeSpan</c>), then deletes the entry. A read refuses a session with a marker; a renewal writes only over an
/// entry that still exists and has no marker, and looks for the marker once more after writing (a sign-out that ran in
/// between), deleting what it wrote if it finds one. The tokens of a refused renewal that the ended session did not hold
/// (a refresh that finished after the sign-out) are revoked: no session holds them any more.
/// </para>
/// </summary>
internal sealed class LinodeDistributedTicketStore : ITicketStore
{
    /// <summary>The cache key prefix of sessions.</summary>
    internal const string KeyPrefix = "Linode.Session:";

    /// <summary>The cache key prefix of the markers sign-out leaves.</summary>
    internal const string EndedKeyPrefix = "Linode.Session.Ended:";

    private const string MarkerPrefix = "ended:";

    /// <summary>The <see cref="HttpContext.Items"/> key of the session this request ended.</summary>
    private static readonly object EndedSessionItem = new();

    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(14);
    private readonly IDistributedCache _cache;
    private readonly IDataProtector _protector;
    private readonly IDataProtectionProvider _protection;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _scheme;
    private readonly CookieAuthenticationOptions _cookie;
    private readonly IServiceProvider _services;

    public LinodeDistributedTicketStore(string cookieScheme, CookieAuthenticationOptions cookie, IDistributedCache cache, IServiceProvider services, ILogger logger)
    {
        _scheme = cookieScheme;
        _cookie = cookie;
        _cache = cache;
        _services = services;
        _protection = services.GetRequiredService<IDataProtectionProvider>();
        _protector = _protection.CreateProtector("Linode.AspNetCore.Authentication.Session", cookieScheme);
        _time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        _logger = logger;
    }

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) => StoreAsync(ticket, cancellationToken);

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewCoreAsync(key, ticket, null, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) => RenewCoreAsync(key, ticket, httpContext, cancellationToken);

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) => RetrieveAsync(key, cancellationToken);

    public Task RemoveAsync(string key) => RemoveCoreAsync(key, null);

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) => RemoveCoreAsync(key, httpContext);

    /// <summary>Stores a new session under a fresh 256-bit random key. A store that cannot be reached fails the sign-in
    /// (the handler shows its failure page and revokes the token it was given): there is no session to hand out.</summary>
    private async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = Base64UrlKey();
        ticket = LinodeSessionHandle.With(ticket, _protection, _scheme, key);
        await _cache.SetAsync(KeyPrefix + key, Protect(ticket), EntryOptions(ticket), cancellationToken).ConfigureAwait(false);
        return key;
    }

    /// <summary>Writes the renewed ticket over a session that still exists and was not ended; otherwise refuses it.</summary>
    private async Task RenewCoreAsync(string key, AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        try
        {
            var current = _cache.GetAsync(KeyPrefix + key, cancellationToken);
            var ended = _cache.GetAsync(EndedKeyPrefix + key, cancellationToken);
            var (entry, marker) = (await current.ConfigureAwait(false), await ended.ConfigureAwait(false));
            if (marker is not null || entry is null)
            {
                await RefuseRenewalAsync(ticket, marker, httpContext).ConfigureAwait(false);
                return;
            }

            // A new sign-in over a live session (a step-up) renews it with a principal of its own: give it the handle too.
            if (!ticket.Principal.HasClaim(claim => claim.Type == LinodeSessionHandle.ClaimType))
            {
                ticket = LinodeSessionHandle.With(ticket, _protection, _scheme, key);
            }

            await _cache.SetAsync(KeyPrefix + key, Protect(ticket), EntryOptions(ticket), cancellationToken).ConfigureAwait(false);

            // A sign-out that ran between the check and the write left its marker first: undo the write.
            if (await _cache.GetAsync(EndedKeyPrefix + key, CancellationToken.None).ConfigureAwait(false) is { } lateMarker)
            {
                await _cache.RemoveAsync(KeyPrefix + key, CancellationToken.None).ConfigureAwait(false);
                await RefuseRenewalAsync(ticket, lateMarker, httpContext).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LinodeLog.SessionStoreUnavailable(_logger, _scheme, "renew", exception);
        }
    }

    /// <summary>The session for a request: its entry, unless a sign-out left its marker.</summary>
    private Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => ReadAsync(key, checkEnded: true, cancellationToken);

    /// <summary>The session for code outside a request (<see cref="LinodeUserTokens"/>): one read, the entry only. A
    /// sign-out writes its marker and then removes the entry, so the entry alone says whether the session lives; in the
    /// instant between the two a read may still find the session's last token, which that sign-out revokes. A renewal
    /// from there still checks the marker (<see cref="RenewAsync(string, AuthenticationTicket)"/>).</summary>
    internal Task<AuthenticationTicket?> ReadAsync(string key, CancellationToken cancellationToken) => ReadAsync(key, checkEnded: false, cancellationToken);

    private async Task<AuthenticationTicket?> ReadAsync(string key, bool checkEnded, CancellationToken cancellationToken)
    {
        byte[]? protectedTicket;
        try
        {
            var entry = _cache.GetAsync(KeyPrefix + key, cancellationToken);
            var ended = checkEnded ? _cache.GetAsync(EndedKeyPrefix + key, cancellationToken) : Task.FromResult<byte[]?>(null);
            protectedTicket = await entry.ConfigureAwait(false);
            if (await ended.ConfigureAwait(false) is not null)
            {
                LinodeLog.SessionEnded(_logger, _scheme);
                return null;
            }
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

        return Unprotect(protectedTicket);
    }

    /// <summary>Ends the session: the marker first (it names, hashed, the access tokens the session held, which sign-out
    /// revokes), then the entry. Sign-out must not stop half-way when the browser leaves, so the request's token is not
    /// used; a store that cannot be reached is logged as an error (the entry then lives until it expires).</summary>
    private async Task RemoveCoreAsync(string key, HttpContext? httpContext)
    {
        try
        {
            var held = new HashSet<string>(StringComparer.Ordinal);
            var entry = _cache.GetAsync(KeyPrefix + key, CancellationToken.None);
            var earlierMarker = _cache.GetAsync(EndedKeyPrefix + key, CancellationToken.None);
            if (await earlierMarker.ConfigureAwait(false) is { } earlier)
            {
                held.UnionWith(HeldIn(earlier));
            }

            if (await entry.ConfigureAwait(false) is { } stored
                && Unprotect(stored) is { } storedTicket && LinodeSavedTokens.AccessToken(storedTicket.Properties) is { } storedToken)
            {
                held.Add(Hash(storedToken));
            }

            if (httpContext?.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties is { } requestProperties
                && LinodeSavedTokens.AccessToken(requestProperties) is { } requestToken)
            {
                held.Add(Hash(requestToken));
            }

            var ended = new EndedSession(key, held, _time.GetUtcNow() + (_cookie.ExpireTimeSpan > TimeSpan.Zero ? _cookie.ExpireTimeSpan : DefaultLifetime));
            await WriteMarkerAsync(ended).ConfigureAwait(false);
            httpContext?.Items[EndedSessionItem] = ended;
            await _cache.RemoveAsync(KeyPrefix + key, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LinodeLog.SessionNotRemoved(_logger, _scheme, exception);
        }
    }

    /// <summary>Adds the access token a sign-out revoked after the session was removed (the cookie handler raises
    /// <c>OnSigningOut</c>, where the package revokes, after it removed the session) to the session's marker, so a
    /// request that renews the session later does not revoke it a second time.</summary>
    internal async Task NoteRevokedAsync(HttpContext httpContext, string accessToken)
    {
        if (httpContext.Items[EndedSessionItem] is not EndedSession ended || !ended.Held.Add(Hash(accessToken)))
        {
            return;
        }

        try
        {
            await WriteMarkerAsync(ended).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LinodeLog.SessionStoreUnavailable(_logger, _scheme, "mark as ended", exception);
        }
    }

    /// <summary>The token hashes a marker names (its text is <c>ended:</c> and the hashes, comma-separated).</summary>
    private static string[] HeldIn(byte[] marker) => Encoding.ASCII.GetString(marker)[MarkerPrefix.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries);

    private Task WriteMarkerAsync(EndedSession ended) => _cache.SetAsync(
        EndedKeyPrefix + ended.Key,
        Encoding.ASCII.GetBytes(MarkerPrefix + string.Join(",", ended.Held)),
        new DistributedCacheEntryOptions { AbsoluteExpiration = ended.ExpiresAt },
        CancellationToken.None);

    /// <summary>A renewal of a session that is gone or ended writes nothing; a token the ended session did not hold (a
    /// refresh that finished after the sign-out) is revoked, as the sign-out would have.</summary>
    private async Task RefuseRenewalAsync(AuthenticationTicket ticket, byte[]? marker, HttpContext? httpContext)
    {
        LinodeLog.SessionRenewalRefused(_logger, _scheme, marker is null ? "gone from the store" : "signed out");
        if (LinodeSavedTokens.AccessToken(ticket.Properties) is not { } accessToken
            || (marker is not null && HeldIn(marker).Contains(Hash(accessToken), StringComparer.Ordinal))
            || _services.GetService<LinodeTicketRevocation>() is not { } revocation)
        {
            return;
        }

        await revocation.RevokeTicketAsync(httpContext ?? new DefaultHttpContext { RequestServices = _services }, ticket.Properties, onSignOut: true).ConfigureAwait(false);
    }

    private AuthenticationTicket? Unprotect(byte[] protectedTicket)
    {
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

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private DistributedCacheEntryOptions EntryOptions(AuthenticationTicket ticket) => new()
    {
        AbsoluteExpiration = ticket.Properties.ExpiresUtc ?? _time.GetUtcNow().Add(DefaultLifetime),
    };

    /// <summary>What the marker keeps of a token: the first 128 bits of its SHA-256, never the token.</summary>
    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)).AsSpan(0, 16));

    private static string Base64UrlKey() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>A session this request ended: its key, the hashes of the access tokens it held, until when its marker lives.</summary>
    private sealed record EndedSession(string Key, HashSet<string> Held, DateTimeOffset ExpiresAt);
}
