using System.Net;
using Linode.AspNetCore.Authentication.EmulatorTool;
using Linode.AspNetCore.Authentication.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var (toolArgs, command) = ToolArguments.SplitCommand(args);
if (ToolArguments.WantsHelp(toolArgs))
{
    Console.Out.WriteLine(ToolArguments.Help);
    return 0;
}

if (command.Length == 0 && args.Contains("--run"))
{
    Console.Error.WriteLine("linode-emulator: --run needs a command, e.g. --run dotnet run.");
    return 2;
}

if (ToolArguments.FindUnknown(toolArgs) is { } unknown)
{
    Console.Error.WriteLine($"linode-emulator: unknown option '{unknown}'. Run linode-emulator --help.");
    return 2;
}

var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
var switches = ToolArguments.Switches.ToDictionary();
builder.Configuration.AddCommandLine(toolArgs, switches);
var emulator = new LinodeEmulator();
ToolSettings settings;
try
{
    if (builder.Configuration[ToolSettings.Section + ":ConfigFile"] is { Length: > 0 } file)
    {
        // The file's settings, then the command line again, so a switch beats the file.
        builder.Configuration.AddJsonFile(Path.GetFullPath(file), optional: false).AddCommandLine(toolArgs, switches);
    }

    settings = ToolSettings.Read(builder.Configuration, emulator.Options);
}
catch (Exception error) when (error is ToolSettingsException or FileNotFoundException or InvalidDataException or FormatException)
{
    Console.Error.WriteLine("linode-emulator: " + error.Message);
    return 2;
}

builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.Port));
builder.Services.AddSingleton<EmulatorTraffic>();
builder.Services.AddHealthChecks();

var app = builder.Build();
var traffic = app.Services.GetRequiredService<EmulatorTraffic>();
app.Map("/_emulator", admin =>
{
    admin.UseHealthChecks("/health");
    admin.Map("/traffic", counts => counts.Run(traffic.WriteAsync));
});
app.Use(traffic.CountAsync);
app.UseLinodeEmulator(PathString.Empty, emulator);

try
{
    await app.StartAsync().ConfigureAwait(false);
}
catch (IOException error)
{
    Console.Error.WriteLine($"linode-emulator: cannot listen on 127.0.0.1:{settings.Port}: {error.Message} Choose another with --port.");
    return 1;
}

var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
Console.Out.WriteLine(SettingsPrinter.Describe(address, emulator.Options, settings.Scheme));
var exitCode = 0;
if (command.Length > 0)
{
    var client = emulator.Options.Clients[0];
    exitCode = await CommandRunner.RunAsync(command, LinodeEmulatorConfiguration.ForAddress(address, client.ClientId, client.ClientSecret, settings.Scheme), app.Lifetime.ApplicationStopping).ConfigureAwait(false);
    await app.StopAsync().ConfigureAwait(false);
}

await app.WaitForShutdownAsync().ConfigureAwait(false);
await emulator.DisposeAsync().ConfigureAwait(false);
Console.Out.WriteLine("linode-emulator: stopped.");
return exitCode;

/// <summary>The tool's entry point (top-level statements above); not an API.</summary>
internal sealed partial class Program;
