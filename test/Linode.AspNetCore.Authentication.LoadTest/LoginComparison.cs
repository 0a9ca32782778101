using System.Globalization;

namespace Linode.AspNetCore.Authentication.LoadTest;

/// <summary>The default mode: complete logins through the emulator, AddLinode against the hand-written AddOAuth
/// baseline, in one app and one run.</summary>
internal static class LoginComparison
{
    public static async Task<int> RunAsync(LoadSettings settings)
    {
        await using var app = await LoadApp.StartAsync();
        using var client = new LoginClient();
        Console.WriteLine($"app {app.Address}  emulator login {app.Login.BaseAddress}  emulator back-channel {app.Backchannel.BaseAddress}");
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, concurrency {settings.Concurrency}, " +
            (settings.Logins > 0 ? $"{settings.Logins} logins or " : string.Empty) + $"{settings.Duration.TotalSeconds:0} s per row, {settings.Rounds} round(s), after {settings.Warmup.TotalSeconds:0} s warm-up per handler");

        var handlers = new[] { (Name: "AddOAuth (baseline)", Start: new Uri(app.Address, "/baseline")), (Name: "AddLinode", Start: new Uri(app.Address, "/linode")) };
        var connectionsAtStart = app.Backchannel.AcceptedConnections;
        foreach (var handler in handlers)
        {
            await LoadRun.ExecuteAsync(handler.Name, app, client, handler.Start, settings, settings.Warmup, logins: 0);
        }

        var rows = new List<LoadRun>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            foreach (var handler in handlers)
            {
                rows.Add(await LoadRun.ExecuteAsync(handler.Name, app, client, handler.Start, settings, settings.Duration, settings.Logins));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| handler | logins | logins/s | p50 ms | p95 ms | p99 ms | errors | back-channel requests/login | new app→emulator TCP connections |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Name} | {row.Logins} | {row.Sample.PerSecond:0} | {row.Sample.Percentile(50):0.0} | {row.Sample.Percentile(95):0.0} | {row.Sample.Percentile(99):0.0} | {row.Sample.Errors} | {row.BackchannelPerLogin:0.00} | {row.NewConnections} |"));
        }

        double Mean(string name, Func<LoadRun, double> metric) => rows.Where(row => row.Name == name).Average(metric);
        double Ratio(Func<LoadRun, double> metric) => Mean(handlers[1].Name, metric) / Mean(handlers[0].Name, metric);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| ratio AddLinode / baseline (mean of rounds) | | {Ratio(row => row.Sample.PerSecond):0.00} | {Ratio(row => row.Sample.Percentile(50)):0.00} | {Ratio(row => row.Sample.Percentile(95)):0.00} | {Ratio(row => row.Sample.Percentile(99)):0.00} | | | |"));
        Console.WriteLine($"TCP connections the app opened to the emulator's back-channel port since start (both handlers, warm-up included): {app.Backchannel.AcceptedConnections - connectionsAtStart}");
        return rows.Any(row => row.Sample.Errors > 0 || row.Logins == 0) ? 1 : 0;
    }
}
