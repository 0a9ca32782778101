using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Linode.AspNetCore.Authentication.Testing.Tests.Tool;

/// <summary>The <c>linode-emulator</c> tool started as a process (<c>dotnet</c> on its built dll), its output captured.</summary>
internal sealed partial class EmulatorToolProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();

    private EmulatorToolProcess(Process process) => _process = process;

    public static string ToolPath { get; } = typeof(EmulatorToolProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "EmulatorToolPath").Value!;

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public string Errors { get { lock (_errors) { return _errors.ToString(); } } }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The address it printed ("listening on ...").</summary>
    public Uri Address => new(ListeningOn().Match(Output).Groups[1].Value);

    /// <summary>The settings it printed as environment variables, for its first client (or the one named).</summary>
    public IReadOnlyDictionary<string, string> PrintedEnvironment(string? clientId = null)
    {
        var blocks = Output.Split("Client '", StringSplitOptions.None).Skip(1);
        var block = blocks.First(text => clientId is null || text.StartsWith(clientId + "'", StringComparison.Ordinal));
        var environment = block[block.IndexOf("As environment variables:", StringComparison.Ordinal)..];
        return EnvironmentLine().Matches(environment).ToDictionary(match => match.Groups[1].Value, match => match.Groups[2].Value);
    }

    public static EmulatorToolProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ToolPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var tool = new EmulatorToolProcess(new Process { StartInfo = start });
        tool._process.OutputDataReceived += (_, line) => Append(tool._output, line.Data);
        tool._process.ErrorDataReceived += (_, line) => Append(tool._errors, line.Data);
        tool._process.Start();
        tool._process.BeginOutputReadLine();
        tool._process.BeginErrorReadLine();
        return tool;
    }

    /// <summary>Runs it to its end (for --help and refusals) and returns the process.</summary>
    public static async Task<EmulatorToolProcess> RunAsync(params string[] arguments)
    {
        var tool = Start(arguments);
        await tool.WaitForExitAsync();
        return tool;
    }

    /// <summary>Waits until it prints its settings (it listens by then).</summary>
    public async Task WaitUntilListeningAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (!Output.Contains("Press Ctrl+C to stop.", StringComparison.Ordinal))
        {
            if (_process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException($"linode-emulator did not start. Output:\n{Output}\nErrors:\n{Errors}");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Sends SIGTERM, as a terminal's Ctrl+C or an orchestrator's stop does.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task WaitForExitAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        _process.WaitForExit(); // flushes the redirected output
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder target, string? line)
    {
        if (line is not null)
        {
            lock (target)
            {
                target.AppendLine(line);
            }
        }
    }

    [GeneratedRegex(@"listening on (\S+) ")]
    private static partial Regex ListeningOn();

    [GeneratedRegex(@"^  ([A-Za-z_]+)=(\S*)$", RegexOptions.Multiline)]
    private static partial Regex EnvironmentLine();
}
