using System.Buffers.Binary;
using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Distributed;

namespace WebSample.Deploy;

/// <summary>
/// Remembers which deploy decisions were used, and the Linode each one created, so each creates at most one Linode: a
/// replayed, retried or concurrent confirmation of the same decision finds it taken (and, once created, which Linode it
/// made, so a reload of the created page says so). Taking is atomic within the process (the requests of one browser
/// reach one instance in the tests and on a single instance); with several instances the ledger also writes to the app's
/// <see cref="IDistributedCache"/> (Redis) and refuses a decision found there, which closes replays across instances but
/// not two confirmations that reach two instances within the same few milliseconds.
/// </summary>
public sealed class DeployDecisionLedger(DeployDecisionProtector decisions, TimeProvider time, IDistributedCache? cache = null)
{
    private readonly ConcurrentDictionary<string, Taken> _taken = new(StringComparer.Ordinal);

    /// <summary>Takes the decision: true the first time, false for every later attempt.</summary>
    public async Task<bool> TryTakeAsync(string decisionId)
    {
        var now = time.GetUtcNow();
        foreach (var (id, taken) in _taken)
        {
            if (now - taken.At > decisions.Lifetime)
            {
                _taken.TryRemove(id, out _);
            }
        }

        if (!_taken.TryAdd(decisionId, new Taken(now, null)))
        {
            return false;
        }

        try
        {
            if (cache is not null && await cache.GetAsync(KeyOf(decisionId), CancellationToken.None) is not null)
            {
                return false;
            }

            await WriteAsync(decisionId, [0]);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The shared cache is down: this instance's own record still makes the decision single-use here.
        }

        return true;
    }

    /// <summary>Records the Linode a taken decision created.</summary>
    public async Task RecordCreatedAsync(string decisionId, long linodeId)
    {
        _taken[decisionId] = new Taken(time.GetUtcNow(), linodeId);
        var value = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(value, linodeId);
        try
        {
            await WriteAsync(decisionId, value);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Only a reload on another instance misses it: that page then says the decision was already confirmed.
        }
    }

    /// <summary>The Linode the decision created, or null when it created none (yet).</summary>
    public async Task<long?> CreatedByAsync(string decisionId)
    {
        if (_taken.TryGetValue(decisionId, out var taken) && taken.LinodeId is { } local)
        {
            return local;
        }

        try
        {
            return cache is not null && await cache.GetAsync(KeyOf(decisionId), CancellationToken.None) is { Length: sizeof(long) } shared
                ? BinaryPrimitives.ReadInt64BigEndian(shared)
                : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null;
        }
    }

    private Task WriteAsync(string decisionId, byte[] value) => cache?.SetAsync(KeyOf(decisionId), value,
        new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = decisions.Lifetime }, CancellationToken.None) ?? Task.CompletedTask;

    private static string KeyOf(string decisionId) => "WebSample.DeployDecision:" + decisionId;

    private sealed record Taken(DateTimeOffset At, long? LinodeId);
}
