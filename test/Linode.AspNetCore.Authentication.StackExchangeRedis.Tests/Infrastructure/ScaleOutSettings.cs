namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Tests.Infrastructure;

/// <summary>How the instances of one scale-out test are configured.</summary>
public sealed record ScaleOutSettings
{
    /// <summary>Redis for refresh coordination and the key ring; null runs the instances without it (keys shared on disk,
    /// per-process refresh: the baseline the issue measured).</summary>
    public RedisServer? Redis { get; init; }

    /// <summary>Whether sessions live in Redis (the cookie carries a key) instead of in the cookie.</summary>
    public bool ServerSessions { get; init; }

    /// <summary>The Redis key prefix: one per test, so tests sharing a server do not see each other.</summary>
    public string KeyPrefix { get; init; } = "linode-test-" + Guid.NewGuid().ToString("N")[..8] + ":";

    /// <summary>Whether the instances serve Blazor circuits (<c>AddLinodeBlazor()</c>, revalidating every second) and
    /// register a user-token client named <c>linode</c> for the emulator's API.</summary>
    public bool Blazor { get; init; }

    /// <summary>The cookie's lifetime.</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Whether the cookie slides.</summary>
    public bool SlidingExpiration { get; init; } = true;

    /// <summary>The handler's refresh window.</summary>
    public TimeSpan TokenRefreshWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Where instances without Redis share their key ring.</summary>
    public string KeyDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "linode-scale-out-keys-" + Guid.NewGuid().ToString("N"));

    /// <summary>When set, the key ring is encrypted at rest with this certificate (<c>ProtectKeysWithCertificate</c>).</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? KeyRingCertificate { get; init; }

    /// <summary>Changes the Redis coordination's timings (after the connection and prefix are set).</summary>
    public Action<LinodeRedisOptions>? ConfigureRedis { get; init; }
}
