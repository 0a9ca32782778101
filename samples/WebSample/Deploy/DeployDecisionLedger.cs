using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Distributed;

namespace WebSample.Deploy;

/// <summary>
/// Remembers which deploy decisions were used, so each creates at most one Linode: a replayed, retried or concurrent
/// confirmation of the same decision finds it taken. Taking is atomic within the process (the requests of one browser
/// reach one instance in the tests and on a single instance); with several instances the ledger also writes the taken
/// id to the app's <see cref="IDistributedCache"/> (Redis) and refuses one found there, which closes replays across
/// instances but not two confirmations that reach two instances within the same few milliseconds.
/// </summary>
public sealed class DeployDecisionLedger(DeployDecisionProtector decisions, TimeProvider time, IDistributedCache? cache = null)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _taken = new(StringComparer.Ordinal);

    /// <summary>Takes the decision: true the first time, false for every later attempt.</summary>
    public async Task<bool> TryTakeAsync(string decisionId)
    {
        var now = time.GetUtcNow();
        foreach (var (id, takenAt) in _taken)
        {
            if (now - takenAt > decisions.Lifetime)
            {
                _taken.TryRemove(id, out _);
            }
        }

        if (!_taken.TryAdd(decisionId, now))
        {
            return false;
        }

        if (cache is null)
        {
            return true;
        }

        var key = "WebSample.DeployDecision:" + decisionId;
        try
        {
            if (await cache.GetAsync(key, CancellationToken.None) is not null)
            {
                return false;
            }

            await cache.SetAsync(key, [1], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = decisions.Lifetime }, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The shared cache is down: this instance's own record still makes the decision single-use here.
        }

        return true;
    }
}
