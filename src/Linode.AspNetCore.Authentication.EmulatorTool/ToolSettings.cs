using System.Globalization;
using Linode.AspNetCore.Authentication.Testing;
using Microsoft.Extensions.Configuration;

namespace Linode.AspNetCore.Authentication.EmulatorTool;

/// <summary>The tool's settings, read from the <c>LinodeEmulator</c> configuration section; every error names its key.</summary>
internal sealed class ToolSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "LinodeEmulator";

    /// <summary>The port when none is given.</summary>
    public const int DefaultPort = 5070;

    private ToolSettings(int port, string scheme) => (Port, Scheme) = (port, scheme);

    /// <summary>The loopback port; 0 picks a free one.</summary>
    public int Port { get; }

    /// <summary>The authentication scheme named in the printed settings.</summary>
    public string Scheme { get; }

    /// <summary>Reads the settings and applies the emulator's to <paramref name="options"/>.</summary>
    /// <exception cref="ToolSettingsException">A setting is not valid.</exception>
    public static ToolSettings Read(IConfiguration configuration, LinodeEmulatorOptions options)
    {
        var section = configuration.GetSection(Section);
        var port = Parse(section, "Port", DefaultPort, text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 65535 ? value : null, "a port from 0 to 65535");
        options.ConsentMode = Parse(section, "ConsentMode", LinodeEmulatorConsentMode.Interactive, text => Enum.TryParse<LinodeEmulatorConsentMode>(text, ignoreCase: true, out var mode) && Enum.IsDefined(mode) && !int.TryParse(text, CultureInfo.InvariantCulture, out _) ? mode : null, "Interactive, AutoApprove or AutoDeny");
        options.AccessTokenLifetime = Parse(section, "AccessTokenLifetime", options.AccessTokenLifetime, text => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero ? value : null, "a positive time such as 02:00:00");
        options.RecordRequests = Parse(section, "RecordRequests", false, text => bool.TryParse(text, out var value) ? value : null, "true or false");
        ReadClients(section.GetSection("Clients"), options.Clients);
        ReadUsers(section.GetSection("Users"), options.Users);
        var scheme = section["Scheme"] is { Length: > 0 } named ? named : "Linode";
        return new ToolSettings(port, scheme);
    }

    private static void ReadClients(IConfigurationSection clients, IList<LinodeEmulatorClient> target)
    {
        var read = new List<LinodeEmulatorClient>();
        foreach (var client in clients.GetChildren())
        {
            var id = Required(client, "ClientId");
            var secret = client["ClientSecret"] is { Length: > 0 } given ? given
                : Parse(client, "Public", false, text => bool.TryParse(text, out var value) ? value : null, "true or false") ? null
                : throw new ToolSettingsException($"'{client.Path}:ClientSecret' is required (or set '{client.Path}:Public' to true for a public client, which must use PKCE).");
            var redirectUri = client["RedirectUri"] is { Length: > 0 } uri ? uri : LinodeEmulatorClient.DefaultRedirectUri;
            if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
            {
                throw new ToolSettingsException($"'{client.Path}:RedirectUri' must be an absolute http(s) URL; it is '{redirectUri}'.");
            }

            read.Add(new LinodeEmulatorClient(id, secret, redirectUri, client["Label"] is { Length: > 0 } label ? label : "Local application " + id));
        }

        Replace(target, read);
    }

    private static void ReadUsers(IConfigurationSection users, IList<LinodeEmulatorUser> target)
    {
        var read = new List<LinodeEmulatorUser>();
        foreach (var user in users.GetChildren())
        {
            var uid = Parse(user, "Uid", 1000L + read.Count, text => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null, "a positive number");
            var username = Required(user, "Username");
            read.Add(new LinodeEmulatorUser(uid, username, user["Email"] is { Length: > 0 } email ? email : username + "@example.com"));
        }

        Replace(target, read);
    }

    /// <summary>Configured entries replace the defaults; none configured keeps them.</summary>
    private static void Replace<T>(IList<T> target, List<T> read)
    {
        if (read.Count == 0)
        {
            return;
        }

        target.Clear();
        foreach (var item in read)
        {
            target.Add(item);
        }
    }

    private static string Required(IConfigurationSection section, string key) =>
        section[key] is { Length: > 0 } value ? value : throw new ToolSettingsException($"'{section.Path}:{key}' is required.");

    private static T Parse<T>(IConfigurationSection section, string key, T fallback, Func<string, T?> parse, string expected)
        where T : struct
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return parse(text.Trim()) ?? throw new ToolSettingsException($"'{section.Path}:{key}' must be {expected}; it is '{text}'.");
    }
}

/// <summary>A setting the tool cannot use; the message names the key.</summary>
internal sealed class ToolSettingsException(string message) : Exception(message);
