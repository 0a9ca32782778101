using System.Globalization;
using Linode.AspNetCore.Authentication.LoadTest;

// Complete logins through the emulator, AddLinode against the hand-written AddOAuth baseline, in one run.
// dotnet run -c Release --project test/Linode.AspNetCore.Authentication.LoadTest -- [--logins N] [--concurrency C] [--duration S] [--warmup S]
var settings = LoadSettings.Parse(args);
await using var app = await LoadApp.StartAsync();
using var client = new LoginClient();
Console.WriteLine($"app {app.Address}  emulator login {app.Login.BaseAddress}  emulator back-channel {app.Backchannel.BaseAddress}");
Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, concurrency {settings.Concurrency}, " +
    (settings.Logins > 0 ? $"{settings.Logins} logins or " : string.Empty) + $"{settings.Duration.TotalSeconds:0} s per row after {settings.Warmup.TotalSeconds:0} s warm-up");

var rows = new List<LoadRun>();
foreach (var (name, path) in new[] { ("AddOAuth (baseline)", "/baseline"), ("AddLinode", "/linode") })
{
    var start = new Uri(app.Address, path);
    await LoadRun.ExecuteAsync(name, app, client, start, settings, settings.Warmup, logins: 0);
    rows.Add(await LoadRun.ExecuteAsync(name, app, client, start, settings, settings.Duration, settings.Logins));
}

Console.WriteLine();
Console.WriteLine("| handler | logins | logins/s | p50 ms | p95 ms | p99 ms | errors | back-channel requests/login | new app→emulator TCP connections |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var row in rows)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {row.Name} | {row.Logins} | {row.LoginsPerSecond:0} | {row.Percentile(50):0.0} | {row.Percentile(95):0.0} | {row.Percentile(99):0.0} | {row.Errors} | {row.BackchannelPerLogin:0.00} | {row.NewConnections} |"));
}

var (baseline, linode) = (rows[0], rows[1]);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| ratio AddLinode / baseline | | {linode.LoginsPerSecond / baseline.LoginsPerSecond:0.00} | {linode.Percentile(50) / baseline.Percentile(50):0.00} | {linode.Percentile(95) / baseline.Percentile(95):0.00} | {linode.Percentile(99) / baseline.Percentile(99):0.00} | | | |"));
return rows.Any(row => row.Errors > 0 || row.Logins == 0) ? 1 : 0;
