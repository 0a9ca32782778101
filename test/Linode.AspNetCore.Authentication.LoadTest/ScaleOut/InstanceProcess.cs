using System.Diagnostics;

namespace Linode.AspNetCore.Authentication.LoadTest.ScaleOut;

/// <summary>A child process running <see cref="InstanceHost"/>; its CPU time is read from the operating system.</summary>
internal sealed class InstanceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private InstanceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>CPU time (user + kernel) the instance has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<InstanceProcess> StartAsync(InstanceSettings settings)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(InstanceProcess).Assembly.Location);
        }

        foreach (var argument in InstanceHost.Arguments(settings))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The instance process did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                return new InstanceProcess(process, new Uri(line["listening ".Length..]));
            }
        }

        throw new InvalidOperationException($"The instance process exited ({process.ExitCode}) before listening.");
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
