namespace Linode.AspNetCore.Authentication.EmulatorTool;

/// <summary>
/// The command line: a few short switches mapped onto configuration keys (the platform's command-line configuration
/// provider reads them), any full key as <c>--LinodeEmulator:Key value</c>, and <c>--help</c>. Everything a switch sets
/// can also come from environment variables (<c>LinodeEmulator__Port</c>) or a JSON file (<c>--config</c>).
/// </summary>
internal static class ToolArguments
{
    /// <summary>The short switches and the keys they set.</summary>
    public static readonly IReadOnlyDictionary<string, string> Switches = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--port"] = ToolSettings.Section + ":Port",
        ["--consent"] = ToolSettings.Section + ":ConsentMode",
        ["--token-lifetime"] = ToolSettings.Section + ":AccessTokenLifetime",
        ["--client-id"] = ToolSettings.Section + ":Clients:0:ClientId",
        ["--client-secret"] = ToolSettings.Section + ":Clients:0:ClientSecret",
        ["--redirect-uri"] = ToolSettings.Section + ":Clients:0:RedirectUri",
        ["--scheme"] = ToolSettings.Section + ":Scheme",
        ["--config"] = ToolSettings.Section + ":ConfigFile",
    };

    /// <summary>Splits off <c>--run &lt;command&gt; [args...]</c>: everything after <c>--run</c> is the command to run with
    /// the emulator's settings in its environment.</summary>
    public static (string[] ToolArgs, string[] Command) SplitCommand(string[] args)
    {
        var run = Array.IndexOf(args, "--run");
        return run < 0 ? (args, []) : (args[..run], args[(run + 1)..]);
    }

    /// <summary>Whether the user asked for help.</summary>
    public static bool WantsHelp(IEnumerable<string> args) => args.Any(arg => arg is "--help" or "-h" or "-?" or "/?");

    /// <summary>The first argument that is neither a known switch, nor a full configuration key (<c>--Section:Key</c>,
    /// <c>--Section__Key</c>), nor a value; null when all are understood.</summary>
    public static string? FindUnknown(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i].Split('=', 2)[0];
            var takesNext = !args[i].Contains('=', StringComparison.Ordinal);
            if (Switches.ContainsKey(name) || (name.StartsWith("--", StringComparison.Ordinal) && (name.Contains(':', StringComparison.Ordinal) || name.Contains("__", StringComparison.Ordinal))))
            {
                i += takesNext ? 1 : 0;
                continue;
            }

            return args[i];
        }

        return null;
    }

    /// <summary>The text of <c>--help</c>.</summary>
    public const string Help = """
        linode-emulator: the Linode emulator (login.linode.com OAuth 2 and a slice of api.linode.com/v4) on a loopback port,
        for running an app locally with no Linode account. Development only: it issues tokens to anyone who asks.

        Usage: linode-emulator [options]

        Options:
          --port <port>              The port on 127.0.0.1 (default 5070; 0 picks a free one).
          --consent <mode>           Interactive (a consent page, the default), AutoApprove or AutoDeny.
          --token-lifetime <time>    Access-token lifetime, e.g. 02:00:00 (Linode's: 2 hours).
          --client-id <id>           The OAuth client apps use (default: the development client, 0123456789abcdef0123).
          --client-secret <secret>   Its secret (required with --client-id).
          --redirect-uri <uri>       Its registered callback (default http://localhost/signin-linode: any loopback port).
          --scheme <name>            The authentication scheme named in the printed settings (default Linode).
          --config <file.json>       Read settings from a JSON file (clients, users, everything below).
          --run <command> [args]     Run a command (your app: --run dotnet run) with the settings in its environment
                                     and ASPNETCORE_ENVIRONMENT=Development unless set; stop when it exits, with its
                                     exit code. Everything after --run belongs to the command.
          --LinodeEmulator:<key> <value>   Any setting by its configuration key.
          -h, --help                 Show this help.

        Settings (section LinodeEmulator; command line, LinodeEmulator__* environment variables, or --config):
          Port, ConsentMode, AccessTokenLifetime, Scheme, RecordRequests (false),
          Clients:<n>:ClientId, Clients:<n>:ClientSecret, Clients:<n>:RedirectUri, Clients:<n>:Label,
          Users:<n>:Uid, Users:<n>:Username, Users:<n>:Email  (default users: exampleUser, restrictedUser).

        On start it prints the settings an app needs (as appsettings keys and as environment variables).
        Also served: GET /_emulator/health and GET /_emulator/traffic (requests and grants counted).
        Ctrl+C stops it.
        """;
}
