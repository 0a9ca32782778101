using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Tests.Session;

/// <summary>
/// Microsoft's in-memory <see cref="IDistributedCache"/> (the real one), recording what was written with which options,
/// and failing the operations a test names, as an unreachable store would.
/// </summary>
public sealed class FaultyDistributedCache : IDistributedCache
{
    private readonly MemoryDistributedCache _inner = new(Options.Create(new MemoryDistributedCacheOptions()));

    /// <summary>The operations that throw: "get", "set", "remove".</summary>
    public ConcurrentDictionary<string, bool> Failing { get; } = new(StringComparer.Ordinal);

    /// <summary>Every write: key, value and options.</summary>
    public ConcurrentQueue<(string Key, byte[] Value, DistributedCacheEntryOptions Options)> Writes { get; } = new();

    /// <summary>Keys read, in order.</summary>
    public ConcurrentQueue<string> Reads { get; } = new();

    /// <summary>Keys removed, in order.</summary>
    public ConcurrentQueue<string> Removals { get; } = new();

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        Fail("get");
        Reads.Enqueue(key);
        return _inner.GetAsync(key, token);
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Fail("set");
        Writes.Enqueue((key, value, options));
        return _inner.SetAsync(key, value, options, token);
    }

    public void Refresh(string key) => _inner.Refresh(key);

    public Task RefreshAsync(string key, CancellationToken token = default) => _inner.RefreshAsync(key, token);

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        Fail("remove");
        Removals.Enqueue(key);
        return _inner.RemoveAsync(key, token);
    }

    /// <summary>Replaces a stored value's bytes, as a store holding a session from another key ring would.</summary>
    public Task CorruptAsync(string key) => _inner.SetAsync(key, [1, 2, 3, 4], new DistributedCacheEntryOptions());

    /// <summary>Forgets a value, as an eviction or a flushed store would.</summary>
    public Task EvictAsync(string key) => _inner.RemoveAsync(key);

    private void Fail(string operation)
    {
        if (Failing.ContainsKey(operation))
        {
            throw new InvalidOperationException($"The session store is unreachable ({operation}).");
        }
    }
}
