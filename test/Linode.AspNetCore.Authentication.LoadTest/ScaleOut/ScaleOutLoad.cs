using System.Globalization;
using System.Net;

namespace Linode.AspNetCore.Authentication.LoadTest.ScaleOut;

/// <summary>
/// The scale-out mode: N instances per session mode behind a round-robin balancer (so a login's challenge, callback and
/// page land on different instances), one Redis, one emulator. Each row does complete logins for the duration, then
/// signs in C sessions and sends their authenticated requests (<c>GET /me</c>, round robin) for the duration. Rows
/// alternate cookie and Redis sessions; CPU is the instances' own (one process each), read from the operating system.
/// </summary>
internal static class ScaleOutLoad
{
    private static readonly Uri Start = new(ScaleOutRig.PublicAddress, "/linode");
    private static readonly Uri Page = new(ScaleOutRig.PublicAddress, "/me");

    public static async Task<int> RunAsync(LoadSettings settings)
    {
        await using var rig = await ScaleOutRig.StartAsync(settings.Instances);
        var clients = rig.Instances.ToDictionary(pair => pair.Key, pair => new LoginClient(new RoundRobinBalancer(ScaleOutRig.PublicAddress, pair.Value.Select(instance => instance.Address).ToList()).Route));
        Console.WriteLine($"{settings.Instances} instances per session mode (one process each), redis-server on {rig.Redis.Configuration}, emulator {rig.Login.BaseAddress} + {rig.Backchannel.BaseAddress}");
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, concurrency {settings.Concurrency}, {settings.Duration.TotalSeconds:0} s of logins then {settings.Duration.TotalSeconds:0} s of requests per row, " +
            $"{settings.Rounds} round(s), after {settings.Warmup.TotalSeconds:0} s warm-up per mode");
        try
        {
            foreach (var mode in clients.Keys)
            {
                await MeasureAsync(rig, mode, clients[mode], settings, settings.Warmup);
            }

            var rows = new List<ScaleOutRow>();
            for (var round = 0; round < settings.Rounds; round++)
            {
                foreach (var mode in clients.Keys)
                {
                    rows.Add(await MeasureAsync(rig, mode, clients[mode], settings, settings.Duration));
                }
            }

            Print(rows);
            return rows.Any(row => row.Errors > 0 || row.Logins.LatenciesMs.Length == 0 || row.Requests.LatenciesMs.Length == 0) ? 1 : 0;
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    private static async Task<ScaleOutRow> MeasureAsync(ScaleOutRig rig, SessionMode mode, LoginClient client, LoadSettings settings, TimeSpan duration)
    {
        var cpuBefore = rig.CpuTime(mode);
        var logins = await LoadWorkers.RunAsync(settings.Concurrency, duration, settings.Logins, _ => client.LoginAsync(Start, CancellationToken.None));
        var loginCpu = rig.CpuTime(mode) - cpuBefore;

        var sessions = await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(async _ =>
            await client.SignInAsync(Start, CancellationToken.None) ?? throw new InvalidOperationException($"A {mode} session could not sign in.")));
        cpuBefore = rig.CpuTime(mode);
        var commandsBefore = await rig.Redis.DataCommandsProcessedAsync();
        var requests = await LoadWorkers.RunAsync(settings.Concurrency, duration, 0, async worker =>
            await client.GetAsync(Page, sessions[worker], CancellationToken.None) == HttpStatusCode.OK);
        var requestCpu = rig.CpuTime(mode) - cpuBefore;
        var commands = await rig.Redis.DataCommandsProcessedAsync() - commandsBefore;

        var cookieBytes = sessions.Select(SessionCookieBytes).Order().ElementAt(sessions.Length / 2);
        return new ScaleOutRow(mode, logins, loginCpu, requests, requestCpu, commands, cookieBytes);
    }

    /// <summary>What the browser sends for the session: the cookie handler's cookie and its chunks, as <c>name=value</c>.</summary>
    private static int SessionCookieBytes(Dictionary<string, string> cookies) =>
        cookies.Where(pair => pair.Key.StartsWith(".AspNetCore.Cookies", StringComparison.Ordinal)).Sum(pair => pair.Key.Length + 1 + pair.Value.Length);

    private static void Print(List<ScaleOutRow> rows)
    {
        Console.WriteLine();
        Console.WriteLine("| sessions | logins/s | login p50 ms | app CPU ms/login | requests/s | request p50 ms | request p95 ms | app CPU µs/request | Redis commands/request | session cookie bytes | errors |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Mode} | {row.Logins.PerSecond:0} | {row.Logins.Percentile(50):0.0} | {row.CpuMsPerLogin:0.00} | {row.Requests.PerSecond:0} | {row.Requests.Percentile(50):0.00} | {row.Requests.Percentile(95):0.00} | {row.CpuUsPerRequest:0} | {row.RedisCommandsPerRequest:0.000} | {row.SessionCookieBytes} | {row.Errors} |"));
        }

        double Median(SessionMode mode, Func<ScaleOutRow, double> metric)
        {
            var values = rows.Where(row => row.Mode == mode).Select(metric).Order().ToArray();
            return values.Length % 2 == 1 ? values[values.Length / 2] : (values[(values.Length / 2) - 1] + values[values.Length / 2]) / 2;
        }

        double Ratio(Func<ScaleOutRow, double> metric) => Median(SessionMode.Redis, metric) / Median(SessionMode.Cookie, metric);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| ratio Redis / Cookie (medians of rounds) | {Ratio(row => row.Logins.PerSecond):0.00} | {Ratio(row => row.Logins.Percentile(50)):0.00} | {Ratio(row => row.CpuMsPerLogin):0.00} | {Ratio(row => row.Requests.PerSecond):0.00} | {Ratio(row => row.Requests.Percentile(50)):0.00} | {Ratio(row => row.Requests.Percentile(95)):0.00} | {Ratio(row => row.CpuUsPerRequest):0.00} | | {Ratio(row => row.SessionCookieBytes):0.00} | |"));
    }
}
