using System.Diagnostics;

namespace Linode.AspNetCore.Authentication.LoadTest;

/// <summary>What <see cref="LoadWorkers.RunAsync"/> measured: sorted latencies of the operations that succeeded, failures,
/// and the wall-clock time of the row.</summary>
internal sealed record LoadSample(double[] LatenciesMs, int Errors, TimeSpan Elapsed)
{
    public double PerSecond => LatenciesMs.Length / Elapsed.TotalSeconds;

    public double Percentile(double p) => LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Min(LatenciesMs.Length - 1, (int)Math.Ceiling(p / 100 * LatenciesMs.Length) - 1)];
}

/// <summary>Runs one operation in C concurrent workers until a count or a duration is reached.</summary>
internal static class LoadWorkers
{
    /// <param name="concurrency">Workers.</param>
    /// <param name="duration">When to stop.</param>
    /// <param name="limit">Operations to start in all (0: until <paramref name="duration"/>).</param>
    /// <param name="operation">One operation of worker N; true when it succeeded. An <see cref="HttpRequestException"/> counts as a failure.</param>
    public static async Task<LoadSample> RunAsync(int concurrency, TimeSpan duration, int limit, Func<int, Task<bool>> operation)
    {
        var started = 0;
        var errors = 0;
        var latencies = new List<double>[concurrency];
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(4096);
            while (!stop.IsCancellationRequested && (limit == 0 || Interlocked.Increment(ref started) <= limit))
            {
                var begin = Stopwatch.GetTimestamp();
                try
                {
                    if (await operation(worker))
                    {
                        mine.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                        continue;
                    }
                }
                catch (HttpRequestException)
                {
                }

                Interlocked.Increment(ref errors);
            }
        })));
        clock.Stop();
        return new LoadSample(latencies.SelectMany(list => list).Order().ToArray(), errors, clock.Elapsed);
    }
}
