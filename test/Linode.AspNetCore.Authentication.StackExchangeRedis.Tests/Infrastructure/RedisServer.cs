using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Tests.Infrastructure;

/// <summary>
/// A real Debian <c>redis-server</c> on a free loopback port, without persistence, for one test class (or one test that
/// stops and restarts it). No Docker. A missing <c>redis-server</c> fails the test with the command that installs it:
/// nothing here is skipped.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process? _process;
    private ConnectionMultiplexer? _admin;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string of this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(FreePort());
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>A connection for inspecting what the app wrote.</summary>
    public async Task<IDatabase> DatabaseAsync()
    {
        _admin ??= await ConnectionMultiplexer.ConnectAsync(Configuration + ",allowAdmin=true,abortConnect=false");
        return _admin.GetDatabase();
    }

    /// <summary>The keys matching <paramref name="pattern"/> (SCAN).</summary>
    public async Task<IReadOnlyList<RedisKey>> KeysAsync(string pattern)
    {
        await DatabaseAsync();
        return _admin!.GetServer(Configuration).Keys(pattern: pattern).ToList();
    }

    /// <summary>Data commands this server has processed so far (<c>INFO commandstats</c>), leaving out what a client sends
    /// on its own schedule or for this count: keep-alives, configuration and topology checks, INFO itself.</summary>
    public async Task<long> DataCommandsProcessedAsync()
    {
        string[] housekeeping = ["info", "ping", "echo", "config", "cluster", "client", "subscribe", "hello", "command", "select", "sentinel"];
        var info = (string)(await (await DatabaseAsync()).ExecuteAsync("INFO", "commandstats"))!;
        return info.Split('\n')
            .Where(line => line.StartsWith("cmdstat_", StringComparison.Ordinal))
            .Where(line => !housekeeping.Any(name => line.StartsWith("cmdstat_" + name, StringComparison.Ordinal)))
            .Sum(line => long.Parse(line.Split("calls=")[1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task FlushAsync() => await (await DatabaseAsync()).ExecuteAsync("FLUSHALL");

    /// <summary>Stops the server (as an outage would), keeping the port for <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Starts the server again on the same port, empty (it keeps nothing on disk).</summary>
    public Task RestartAsync() => StartProcessAsync();

    private async Task StartProcessAsync()
    {
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("The scale-out tests need Debian's redis-server: apt-get install -y redis-server (.ci/run installs it).", exception);
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                await using var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer);
                if (read > 0 && buffer[0] == (byte)'+')
                {
                    return;
                }
            }
            catch (SocketException)
            {
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"redis-server did not answer on port {Port} within 5 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_admin is not null)
        {
            await _admin.DisposeAsync();
        }

        await StopAsync();
        _process?.Dispose();
    }
}
