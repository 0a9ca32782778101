using StackExchange.Redis;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis;

/// <summary>Where Redis is and how the instances of the app coordinate through it.</summary>
public sealed class LinodeRedisOptions
{
    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis.internal:6379,password=…</c>. Unless it says
    /// otherwise, the connection is made with <c>abortConnect=false</c> (the app starts while Redis is down) and commands
    /// fail fast while Redis is unreachable, so a request falls back at once instead of queuing.</summary>
    public string? Configuration { get; set; }

    /// <summary>Supplies the connection instead of <see cref="Configuration"/>: for an app that already has an
    /// <see cref="IConnectionMultiplexer"/> to share.</summary>
    public Func<Task<IConnectionMultiplexer>>? ConnectionMultiplexerFactory { get; set; }

    /// <summary>Prefix of every key this package writes; <c>linode:</c> by default. Give apps that share one Redis
    /// different prefixes.</summary>
    public string KeyPrefix { get; set; } = "linode:";

    /// <summary>How long the refresh lock lives without being extended; 10 s by default. The instance that refreshes
    /// extends it every third of that while Linode answers, so it expires only when that instance is gone.</summary>
    public TimeSpan RefreshLockLifetime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a refreshed result stays in Redis for instances that still see the old refresh token; 1 minute
    /// by default (the same reuse window a single instance keeps).</summary>
    public TimeSpan RefreshResultLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an instance waits for another one's refresh before giving up for now (the session then backs
    /// off and keeps its current, still valid token); 75 s by default, past Linode's 60 s back-channel timeout.</summary>
    public TimeSpan RefreshWaitTimeout { get; set; } = TimeSpan.FromSeconds(75);

    /// <summary>When Linode refuses a refresh token, how long to look for another instance's result for the same token
    /// before signing the user out (the other instance may have won a race after a lost lock); 2 s by default.</summary>
    public TimeSpan RejectionGracePeriod { get; set; } = TimeSpan.FromSeconds(2);
}
