using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Internal;

/// <summary>
/// One refresh per refresh token across every instance of the app. The instance that takes the Redis lock for the token
/// calls Linode and stores the result (encrypted, keyed by the token's hash, for <see cref="LinodeRedisOptions.RefreshResultLifetime"/>);
/// the others wait for that result and apply it instead of calling Linode with a refresh token Linode already rotated.
/// The holder extends its lock while Linode answers. When two refreshes still happen (the lock expired under a stalled
/// instance), the one whose result reached Redis second revokes its new tokens and applies the first (nothing is left
/// live that no session holds), and a refusal by Linode first looks for the other instance's result before signing the
/// user out. When Redis cannot be reached, the instance refreshes on its own, as a single instance does, and says so in
/// the log.
/// </summary>
internal sealed class LinodeRedisRefreshSynchronization : ILinodeTokenRefreshSynchronization
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(250);
    private readonly LinodeRedisConnection _redis;
    private readonly IDataProtectionProvider _dataProtection;
    private readonly IServiceProvider _services;
    private readonly LinodeRedisOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public LinodeRedisRefreshSynchronization(
        LinodeRedisConnection redis, IDataProtectionProvider dataProtection, IServiceProvider services, IOptions<LinodeRedisOptions> options, TimeProvider time, ILogger<LinodeRedisRefreshSynchronization> logger)
    {
        _redis = redis;
        _dataProtection = dataProtection;
        _services = services;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public async Task<LinodeRefreshedTokens> RefreshOnceAsync(string scheme, string key, Func<Task<LinodeRefreshedTokens>> refresh)
    {
        ArgumentNullException.ThrowIfNull(refresh);
        var keys = RedisKeys.For(_options.KeyPrefix, key);
        var lockValue = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        IDatabase database;
        try
        {
            database = await _redis.GetDatabaseAsync().ConfigureAwait(false);
            var deadline = _time.GetUtcNow() + _options.RefreshWaitTimeout;
            var poll = FirstPoll;
            while (true)
            {
                if (await ReadSharedAsync(database, keys).ConfigureAwait(false) is { } shared)
                {
                    LinodeRedisLog.RefreshShared(_logger, scheme, shared.Result.Outcome);
                    return shared;
                }

                if (await database.LockTakeAsync(keys.Lock, lockValue, _options.RefreshLockLifetime).ConfigureAwait(false))
                {
                    break;
                }

                if (_time.GetUtcNow() >= deadline)
                {
                    LinodeRedisLog.RefreshWaitTimedOut(_logger, scheme, _options.RefreshWaitTimeout);
                    return new(new LinodeTokenRefreshResult(scheme, LinodeTokenRefreshOutcome.Failed, error: "refresh_wait_timeout"), null, null, null, null);
                }

                poll = await PauseAsync(poll).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LinodeRedisLog.RefreshUncoordinated(_logger, scheme, exception);
            return (await refresh().ConfigureAwait(false)).AsUncoordinated();
        }

        return await RefreshHoldingLockAsync(database, keys, lockValue, scheme, refresh).ConfigureAwait(false);
    }

    /// <summary>This instance holds the lock: check once more that nobody finished meanwhile, refresh, share, release.</summary>
    private async Task<LinodeRefreshedTokens> RefreshHoldingLockAsync(IDatabase database, RedisKeys keys, string lockValue, string scheme, Func<Task<LinodeRefreshedTokens>> refresh)
    {
        var lockLost = false;
        using var stopExtending = new CancellationTokenSource();
        var extending = ExtendLockAsync(database, keys, lockValue, () => lockLost = true, stopExtending.Token);
        try
        {
            if (await TryReadSharedAsync(database, keys, scheme).ConfigureAwait(false) is { } alreadyShared)
            {
                return alreadyShared;
            }

            var refreshed = await refresh().ConfigureAwait(false);
            await stopExtending.CancelAsync().ConfigureAwait(false);
            await extending.ConfigureAwait(false);
            if (lockLost || !await StillHoldsAsync(database, keys, lockValue).ConfigureAwait(false))
            {
                LinodeRedisLog.RefreshLockLost(_logger, scheme);
            }

            return refreshed.Result.Outcome switch
            {
                LinodeTokenRefreshOutcome.Refreshed => await ShareAsync(database, keys, scheme, refreshed).ConfigureAwait(false),
                LinodeTokenRefreshOutcome.Rejected => await SharedInsteadOfRejectionAsync(database, keys, scheme).ConfigureAwait(false)
                    ?? await ShareAsync(database, keys, scheme, refreshed).ConfigureAwait(false),
                _ => refreshed,
            };
        }
        finally
        {
            await stopExtending.CancelAsync().ConfigureAwait(false);
            await extending.ConfigureAwait(false);
            await ReleaseAsync(database, keys, lockValue).ConfigureAwait(false);
        }
    }

    /// <summary>Stores the result unless another instance stored one first; then that one wins, and new tokens of ours
    /// that no session will ever hold are revoked.</summary>
    private async Task<LinodeRefreshedTokens> ShareAsync(IDatabase database, RedisKeys keys, string scheme, LinodeRefreshedTokens refreshed)
    {
        try
        {
            if (await database.StringSetAsync(keys.Result, LinodeSharedRefresh.Protect(_dataProtection, refreshed), _options.RefreshResultLifetime, When.NotExists).ConfigureAwait(false))
            {
                return refreshed;
            }

            if (await TryReadSharedAsync(database, keys, scheme).ConfigureAwait(false) is not { } first)
            {
                return refreshed;
            }

            if (refreshed.Result.Outcome == LinodeTokenRefreshOutcome.Refreshed && !string.Equals(first.AccessToken, refreshed.AccessToken, StringComparison.Ordinal))
            {
                LinodeRedisLog.RefreshRaceLostRevoking(_logger, scheme);
                await RevokeAsync(scheme, refreshed.AccessToken).ConfigureAwait(false);
            }

            return first;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LinodeRedisLog.RefreshNotShared(_logger, scheme, exception);
            return refreshed;
        }
    }

    /// <summary>After Linode refused the refresh token: another instance may have used it a moment ago (its lock had
    /// expired); look for its result for <see cref="LinodeRedisOptions.RejectionGracePeriod"/> before signing out.</summary>
    private async Task<LinodeRefreshedTokens?> SharedInsteadOfRejectionAsync(IDatabase database, RedisKeys keys, string scheme)
    {
        var deadline = _time.GetUtcNow() + _options.RejectionGracePeriod;
        var poll = FirstPoll;
        while (true)
        {
            if (await TryReadSharedAsync(database, keys, scheme).ConfigureAwait(false) is { Result.Outcome: LinodeTokenRefreshOutcome.Refreshed } shared)
            {
                LinodeRedisLog.RefreshRejectedButShared(_logger, scheme);
                return shared;
            }

            if (_time.GetUtcNow() >= deadline)
            {
                return null;
            }

            poll = await PauseAsync(poll).ConfigureAwait(false);
        }
    }

    /// <summary>Waits <paramref name="poll"/> between two looks at Redis.</summary>
    /// <returns>The next pause: twice as long, at most <see cref="LongestPoll"/>.</returns>
    private async Task<TimeSpan> PauseAsync(TimeSpan poll)
    {
        await Task.Delay(poll, _time).ConfigureAwait(false);
        return TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, LongestPoll.Ticks));
    }

    private async Task<LinodeRefreshedTokens?> ReadSharedAsync(IDatabase database, RedisKeys keys)
    {
        var stored = await database.StringGetAsync(keys.Result).ConfigureAwait(false);
        if (stored.IsNullOrEmpty)
        {
            return null;
        }

        try
        {
            return LinodeSharedRefresh.Unprotect(_dataProtection, (byte[])stored!);
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException)
        {
            LinodeRedisLog.SharedRefreshUnreadable(_logger, exception);
            return null;
        }
    }

    /// <summary><see cref="ReadSharedAsync"/>, with Redis failing treated as "nothing shared" (the lock holder goes on).</summary>
    private async Task<LinodeRefreshedTokens?> TryReadSharedAsync(IDatabase database, RedisKeys keys, string scheme)
    {
        try
        {
            return await ReadSharedAsync(database, keys).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LinodeRedisLog.RefreshUncoordinated(_logger, scheme, exception);
            return null;
        }
    }

    private async Task ExtendLockAsync(IDatabase database, RedisKeys keys, string lockValue, Action lost, CancellationToken stop)
    {
        var every = _options.RefreshLockLifetime / 3;
        try
        {
            while (true)
            {
                await Task.Delay(every, _time, stop).ConfigureAwait(false);
                if (!await database.LockExtendAsync(keys.Lock, lockValue, _options.RefreshLockLifetime).ConfigureAwait(false))
                {
                    lost();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Redis went away: the lock will expire by itself; the refresh goes on.
        }
    }

    private static async Task<bool> StillHoldsAsync(IDatabase database, RedisKeys keys, string lockValue)
    {
        try
        {
            return await database.LockQueryAsync(keys.Lock).ConfigureAwait(false) == lockValue;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return false;
        }
    }

    private static async Task ReleaseAsync(IDatabase database, RedisKeys keys, string lockValue)
    {
        try
        {
            await database.LockReleaseAsync(keys.Lock, lockValue).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // It expires by itself.
        }
    }

    private async Task RevokeAsync(string scheme, string? accessToken)
    {
        if (_services.GetService<ILinodeTokenRevoker>() is { } revoker)
        {
            var context = new DefaultHttpContext { RequestServices = _services };
            await revoker.RevokeAsync(context, scheme, accessToken).ConfigureAwait(false);
        }
    }

    /// <summary>The keys of one refresh token; the hash tag keeps both on one Redis Cluster slot.</summary>
    private readonly record struct RedisKeys(RedisKey Lock, RedisKey Result)
    {
        public static RedisKeys For(string prefix, string hash) =>
            new(prefix + "refresh:{" + hash + "}:lock", prefix + "refresh:{" + hash + "}:result");
    }
}
