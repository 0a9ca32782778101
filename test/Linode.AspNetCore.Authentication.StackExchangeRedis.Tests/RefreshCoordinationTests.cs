using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Linode.AspNetCore.Authentication.StackExchangeRedis.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Tests;

/// <summary>
/// The Redis refresh synchronization as two instances see it (two service providers sharing one Redis and one key ring),
/// with the refresh itself replaced by a function that counts its calls: who refreshes, what the others get, lock
/// extension, a holder that disappears, a lost lock, a race both sides won, and Redis unreachable.
/// </summary>
public sealed class RefreshCoordinationTests : IAsyncLifetime
{
    private const string Scheme = "Linode";
    private readonly string _prefix = "coordination-" + Guid.NewGuid().ToString("N")[..8] + ":";
    private readonly string _key = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + "00000000000000000000000000000000";
    private readonly List<ServiceProvider> _providers = [];
    private RedisServer _redis = null!;

    public async ValueTask InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await _redis.DisposeAsync();
    }

    private (ILinodeTokenRefreshSynchronization Synchronization, RecordingRevoker Revoker, FakeLogCollector Logs) Instance(Action<LinodeRedisOptions>? configure = null, string? configuration = null, bool keysInRedis = true)
    {
        var revoker = new RecordingRevoker();
        var services = new ServiceCollection();
        services.AddLogging().AddFakeLogging();
        services.AddSingleton<ILinodeTokenRevoker>(revoker);
        services.AddDataProtection().SetApplicationName("linode-coordination-tests");
        var redis = services.AddLinodeRedis(options =>
        {
            options.Configuration = configuration ?? _redis.Configuration;
            options.KeyPrefix = _prefix;
            configure?.Invoke(options);
        });
        if (keysInRedis)
        {
            redis.PersistDataProtectionKeys();
        }
        else
        {
            services.AddDataProtection().UseEphemeralDataProtectionProvider();
        }

        var provider = services.BuildServiceProvider();
        _providers.Add(provider);

        // Make (or load) the shared key ring now, as an app does at start-up.
        provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("warm-up").Protect([1]);
        return (provider.GetRequiredService<ILinodeTokenRefreshSynchronization>(), revoker, provider.GetFakeLogCollector());
    }

    private static LinodeRefreshedTokens Refreshed(string accessToken) => new(
        new LinodeTokenRefreshResult(Scheme, LinodeTokenRefreshOutcome.Refreshed, DateTimeOffset.UtcNow.AddHours(2)),
        accessToken, "refresh-" + accessToken, "bearer", LinodeScopes.Parse("linodes:read_write account:read_only"));

    private static LinodeRefreshedTokens Outcome(LinodeTokenRefreshOutcome outcome, string? error = null) =>
        new(new LinodeTokenRefreshResult(Scheme, outcome, statusCode: 400, error: error), null, null, null, null);

    private RedisKey LockKey => _prefix + "refresh:{" + _key + "}:lock";

    private RedisKey ResultKey => _prefix + "refresh:{" + _key + "}:result";

    [Fact]
    public async Task Concurrent_refreshes_on_two_instances_call_Linode_once_and_both_get_its_tokens()
    {
        var a = Instance();
        var b = Instance();
        var calls = 0;
        async Task<LinodeRefreshedTokens> Refresh()
        {
            var call = Interlocked.Increment(ref calls);
            await Task.Delay(300, TestContext.Current.CancellationToken);
            return Refreshed("access-" + call);
        }

        var results = await Task.WhenAll(
            Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? a : b).Synchronization.RefreshOnceAsync(Scheme, _key, Refresh)));

        Assert.Equal(1, calls);
        Assert.All(results, result =>
        {
            Assert.Equal(LinodeTokenRefreshOutcome.Refreshed, result.Result.Outcome);
            Assert.Equal("access-1", result.AccessToken);
            Assert.Equal("refresh-access-1", result.RefreshToken);
            Assert.Equal("bearer", result.TokenType);
            Assert.Equal(["account:read_only", "linodes:read_write"], result.GrantedScopes!.Select(scope => scope.Value).Order());
        });
        Assert.Empty(a.Revoker.Calls.Concat(b.Revoker.Calls));
        Assert.False(await (await _redis.DatabaseAsync()).KeyExistsAsync(LockKey));
    }

    [Fact]
    public async Task The_shared_result_is_encrypted_and_lives_for_the_reuse_window()
    {
        var a = Instance(options => options.RefreshResultLifetime = TimeSpan.FromSeconds(30));
        await a.Synchronization.RefreshOnceAsync(Scheme, _key, () => Task.FromResult(Refreshed("secret-access-token")));

        var database = await _redis.DatabaseAsync();
        var stored = (byte[])(await database.StringGetAsync(ResultKey))!;
        var text = Encoding.Latin1.GetString(stored);
        Assert.DoesNotContain("secret-access-token", text, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh-secret", text, StringComparison.Ordinal);
        Assert.InRange((await database.KeyTimeToLiveAsync(ResultKey))!.Value, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_holder_extends_its_lock_while_Linode_is_slow_so_nobody_refreshes_twice()
    {
        var a = Instance(options => options.RefreshLockLifetime = TimeSpan.FromSeconds(1));
        var b = Instance(options => options.RefreshLockLifetime = TimeSpan.FromSeconds(1));
        var calls = 0;
        async Task<LinodeRefreshedTokens> SlowRefresh()
        {
            var call = Interlocked.Increment(ref calls);
            await Task.Delay(2500, TestContext.Current.CancellationToken);
            return Refreshed("slow-" + call);
        }

        var first = a.Synchronization.RefreshOnceAsync(Scheme, _key, SlowRefresh);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        var second = b.Synchronization.RefreshOnceAsync(Scheme, _key, SlowRefresh);

        Assert.Equal("slow-1", (await first).AccessToken);
        Assert.Equal("slow-1", (await second).AccessToken);
        Assert.Equal(1, calls);
        Assert.DoesNotContain(a.Logs.GetSnapshot(), record => record.Id.Id == 5102);
    }

    [Fact]
    public async Task A_lock_left_by_an_instance_that_died_expires_and_the_next_instance_refreshes()
    {
        await (await _redis.DatabaseAsync()).StringSetAsync(LockKey, "dead-instance", TimeSpan.FromMilliseconds(600));
        var b = Instance();
        var calls = 0;
        var watch = Stopwatch.StartNew();

        var result = await b.Synchronization.RefreshOnceAsync(Scheme, _key, () => Task.FromResult(Refreshed("after-" + Interlocked.Increment(ref calls))));

        Assert.Equal("after-1", result.AccessToken);
        Assert.Equal(1, calls);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(400), $"refreshed after {watch.Elapsed} while the lock was held");
    }

    [Fact]
    public async Task Waiting_longer_than_the_wait_timeout_gives_a_transient_failure_without_calling_Linode()
    {
        await (await _redis.DatabaseAsync()).StringSetAsync(LockKey, "stuck-instance", TimeSpan.FromMinutes(1));
        var b = Instance(options => options.RefreshWaitTimeout = TimeSpan.FromMilliseconds(500));
        var calls = 0;

        var result = await b.Synchronization.RefreshOnceAsync(Scheme, _key, () => Task.FromResult(Refreshed("never-" + Interlocked.Increment(ref calls))));

        Assert.Equal(0, calls);
        Assert.Equal(LinodeTokenRefreshOutcome.Failed, result.Result.Outcome);
        Assert.Equal("refresh_wait_timeout", result.Result.Error);
        Assert.Null(result.AccessToken);
        Assert.Single(b.Logs.GetSnapshot(), record => record.Id.Id == 5105);
    }

    [Fact]
    public async Task After_a_lost_lock_Linode_refusing_the_second_refresh_gives_the_first_instances_tokens_not_a_sign_out()
    {
        var a = Instance();
        var b = Instance();
        var aMayFinish = new TaskCompletionSource();
        var first = a.Synchronization.RefreshOnceAsync(Scheme, _key, async () =>
        {
            await aMayFinish.Task;
            return Refreshed("winner");
        });
        await WaitForAsync(async () => await (await _redis.DatabaseAsync()).KeyExistsAsync(LockKey));

        // The lock is lost (as when it expired under a stalled instance): B takes it and calls Linode too, which refuses
        // the refresh token A has just used.
        await (await _redis.DatabaseAsync()).KeyDeleteAsync(LockKey);
        var second = await b.Synchronization.RefreshOnceAsync(Scheme, _key, async () =>
        {
            aMayFinish.SetResult();
            await first;
            return Outcome(LinodeTokenRefreshOutcome.Rejected, "invalid_grant");
        });

        Assert.Equal(LinodeTokenRefreshOutcome.Refreshed, second.Result.Outcome);
        Assert.Equal("winner", second.AccessToken);
        Assert.Equal("winner", (await first).AccessToken);
        Assert.Single(b.Logs.GetSnapshot(), record => record.Id.Id == 5104);
        Assert.Empty(a.Revoker.Calls.Concat(b.Revoker.Calls));
    }

    [Fact]
    public async Task When_two_refreshes_both_succeed_the_later_one_revokes_its_tokens_and_applies_the_first()
    {
        var a = Instance();
        var b = Instance();
        var aMayFinish = new TaskCompletionSource();
        var first = a.Synchronization.RefreshOnceAsync(Scheme, _key, async () =>
        {
            await aMayFinish.Task;
            return Refreshed("late");
        });
        await WaitForAsync(async () => await (await _redis.DatabaseAsync()).KeyExistsAsync(LockKey));
        await (await _redis.DatabaseAsync()).KeyDeleteAsync(LockKey);

        var second = await b.Synchronization.RefreshOnceAsync(Scheme, _key, () => Task.FromResult(Refreshed("early")));
        aMayFinish.SetResult();

        Assert.Equal("early", second.AccessToken);
        Assert.Equal("early", (await first).AccessToken);
        Assert.Equal([(Scheme, "late")], a.Revoker.Calls.ToArray());
        Assert.Empty(b.Revoker.Calls);
        Assert.Single(a.Logs.GetSnapshot(), record => record.Id.Id == 5103);
        Assert.Single(a.Logs.GetSnapshot(), record => record.Id.Id == 5102);
    }

    [Fact]
    public async Task A_refusal_nobody_else_explains_is_shared_so_every_instance_signs_the_user_out()
    {
        var a = Instance(options => options.RejectionGracePeriod = TimeSpan.FromMilliseconds(200));
        var b = Instance();
        var calls = 0;

        var first = await a.Synchronization.RefreshOnceAsync(Scheme, _key, () => { Interlocked.Increment(ref calls); return Task.FromResult(Outcome(LinodeTokenRefreshOutcome.Rejected, "invalid_grant")); });
        var second = await b.Synchronization.RefreshOnceAsync(Scheme, _key, () => { Interlocked.Increment(ref calls); return Task.FromResult(Refreshed("unexpected")); });

        Assert.Equal(1, calls);
        Assert.Equal(LinodeTokenRefreshOutcome.Rejected, first.Result.Outcome);
        Assert.Equal(LinodeTokenRefreshOutcome.Rejected, second.Result.Outcome);
        Assert.Equal("invalid_grant", second.Result.Error);
    }

    [Fact]
    public async Task A_transient_failure_is_not_shared_each_instance_backs_off_on_its_own()
    {
        var a = Instance();
        var b = Instance();
        var calls = 0;

        var first = await a.Synchronization.RefreshOnceAsync(Scheme, _key, () => { Interlocked.Increment(ref calls); return Task.FromResult(Outcome(LinodeTokenRefreshOutcome.Failed, "server_error")); });
        var second = await b.Synchronization.RefreshOnceAsync(Scheme, _key, () => Task.FromResult(Refreshed("retry-" + Interlocked.Increment(ref calls))));

        Assert.Equal(LinodeTokenRefreshOutcome.Failed, first.Result.Outcome);
        Assert.Equal("retry-2", second.AccessToken);
        Assert.False(await (await _redis.DatabaseAsync()).KeyExistsAsync(LockKey));
    }

    [Fact]
    public async Task With_Redis_unreachable_the_instance_refreshes_on_its_own_and_says_so()
    {
        var closedPort = await RedisServer.StartAsync();
        var configuration = closedPort.Configuration;
        await closedPort.DisposeAsync();
        var a = Instance(configuration: configuration, keysInRedis: false);
        var calls = 0;

        var result = await a.Synchronization.RefreshOnceAsync(Scheme, _key, () => Task.FromResult(Refreshed("alone-" + Interlocked.Increment(ref calls))));

        Assert.Equal("alone-1", result.AccessToken);
        Assert.Equal(1, calls);
        var log = Assert.Single(a.Logs.GetSnapshot(), record => record.Id.Id == 5100);
        Assert.Contains("refreshes on its own", log.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_key, log.Message, StringComparison.Ordinal);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 200 && !await condition(); attempt++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    private sealed class RecordingRevoker : ILinodeTokenRevoker
    {
        public ConcurrentQueue<(string Scheme, string? AccessToken)> Calls { get; } = new();

        public Task<LinodeTokenRevocationResult> RevokeAsync(HttpContext context, string scheme, string? accessToken, CancellationToken cancellationToken = default)
        {
            Calls.Enqueue((scheme, accessToken));
            return Task.FromResult(new LinodeTokenRevocationResult(scheme, LinodeTokenRevocationOutcome.Revoked, 200));
        }
    }
}
