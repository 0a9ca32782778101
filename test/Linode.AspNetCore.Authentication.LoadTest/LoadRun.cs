using System.Diagnostics;
using Linode.AspNetCore.Authentication.Testing;

namespace Linode.AspNetCore.Authentication.LoadTest;

/// <summary>One row: complete logins at a concurrency until the count or the duration is reached.</summary>
internal sealed record LoadRun(string Name, int Logins, int Errors, TimeSpan Elapsed, double[] LatenciesMs, double BackchannelPerLogin, long NewConnections)
{
    public double LoginsPerSecond => Logins / Elapsed.TotalSeconds;

    public double Percentile(double p) => LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Min(LatenciesMs.Length - 1, (int)Math.Ceiling(p / 100 * LatenciesMs.Length) - 1)];

    public static async Task<LoadRun> ExecuteAsync(string name, LoadApp app, LoginClient client, Uri start, LoadSettings settings, TimeSpan duration, int logins)
    {
        var tokenBefore = app.Emulator.RequestCount(LinodeEmulatorEndpoint.Token);
        var profileBefore = app.Emulator.RequestCount(LinodeEmulatorEndpoint.Profile);
        var connectionsBefore = app.Backchannel.AcceptedConnections;
        var started = 0;
        var errors = 0;
        var latencies = new List<double>[settings.Concurrency];
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(4096);
            while (!stop.IsCancellationRequested && (logins == 0 || Interlocked.Increment(ref started) <= logins))
            {
                var begin = Stopwatch.GetTimestamp();
                try
                {
                    if (await client.LoginAsync(start, CancellationToken.None))
                    {
                        mine.Add(LoginClient.ElapsedMilliseconds(begin));
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        clock.Stop();
        var all = latencies.SelectMany(list => list).Order().ToArray();
        var backchannel = app.Emulator.RequestCount(LinodeEmulatorEndpoint.Token) - tokenBefore + app.Emulator.RequestCount(LinodeEmulatorEndpoint.Profile) - profileBefore;
        return new LoadRun(name, all.Length, errors, clock.Elapsed, all, all.Length == 0 ? 0 : (double)backchannel / all.Length, app.Backchannel.AcceptedConnections - connectionsBefore);
    }
}
