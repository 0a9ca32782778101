using System.ComponentModel;
using System.Diagnostics;

namespace Linode.AspNetCore.Authentication.EmulatorTool;

/// <summary>
/// <c>--run</c>: starts the user's command (typically <c>dotnet run</c> in an app's folder) with the settings that point
/// an app at the emulator in its environment, sharing the console, and reports its exit code. One command to try an app
/// with no Linode account; the variables exist only in that process.
/// </summary>
internal static class CommandRunner
{
    /// <summary>Runs <paramref name="command"/> and returns its exit code; 127 when it cannot be started.</summary>
    public static async Task<int> RunAsync(string[] command, IReadOnlyDictionary<string, string?> settings, CancellationToken stopping)
    {
        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false };
        foreach (var argument in command[1..])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        // The emulator is for development, and so is the app it signs in.
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")))
        {
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception error)
        {
            await Console.Error.WriteLineAsync($"linode-emulator: cannot run '{command[0]}': {error.Message}").ConfigureAwait(false);
            return 127;
        }

        using (process)
        {
            try
            {
                await process.WaitForExitAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C reached the command too (same terminal); give it time to stop, then make sure it has.
                if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }

            return process.ExitCode;
        }
    }
}
