using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Internal;

/// <summary>The one Redis connection of the app, shared by refresh coordination, sessions and the key ring; made on first
/// use.</summary>
internal sealed class LinodeRedisConnection : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection;
    private readonly bool _owned;

    public LinodeRedisConnection(IOptions<LinodeRedisOptions> options)
    {
        var settings = options.Value;
        _owned = settings.ConnectionMultiplexerFactory is null;
        _connection = new(() => settings.ConnectionMultiplexerFactory?.Invoke() ?? ConnectAsync(settings.Configuration!), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Task<IConnectionMultiplexer> GetAsync() => _connection.Value;

    public async Task<IDatabase> GetDatabaseAsync() => (await GetAsync().ConfigureAwait(false)).GetDatabase();

    private static async Task<IConnectionMultiplexer> ConnectAsync(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        if (!configuration.Contains("abortConnect", StringComparison.OrdinalIgnoreCase))
        {
            options.AbortOnConnectFail = false;
        }

        options.BacklogPolicy = BacklogPolicy.FailFast;

        // Reconnect within about half a second of Redis answering again (the defaults took about 3 s): the connection is
        // checked every 250 ms, and retried on each check.
        if (!configuration.Contains("heartbeatInterval", StringComparison.OrdinalIgnoreCase))
        {
            options.HeartbeatInterval = TimeSpan.FromMilliseconds(250);
        }

        options.ReconnectRetryPolicy = new LinearRetry(250);
        return await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned && _connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            await _connection.Value.Result.DisposeAsync().ConfigureAwait(false);
        }
    }
}
