using System.Text;
using Linode.AspNetCore.Authentication.Testing;

namespace Linode.AspNetCore.Authentication.EmulatorTool;

/// <summary>What the tool prints on start: where it listens, and the settings that point an app at it, once as
/// configuration keys (appsettings.json, user-secrets) and once as environment variables, for each registered client.</summary>
internal static class SettingsPrinter
{
    public static string Describe(Uri address, LinodeEmulatorOptions options, string scheme)
    {
        var text = new StringBuilder();
        text.Append("linode-emulator: listening on ").Append(address.AbsoluteUri).AppendLine(" (development only).");
        text.Append("Users: ").AppendJoin(", ", options.Users.Select(user => user.Username)).Append(". Consent: ").Append(options.ConsentMode).AppendLine(".");
        foreach (var client in options.Clients)
        {
            var settings = LinodeEmulatorConfiguration.ForAddress(address, client.ClientId, client.ClientSecret, scheme);
            text.AppendLine().Append("Client '").Append(client.ClientId).Append("' (callback ").Append(client.RedirectUri).AppendLine("). Settings for an app:");
            foreach (var (key, value) in settings)
            {
                text.Append("  ").Append(key).Append(" = ").AppendLine(value);
            }

            text.AppendLine("As environment variables:");
            foreach (var (key, value) in settings)
            {
                text.Append("  ").Append(key.Replace(":", "__", StringComparison.Ordinal)).Append('=').AppendLine(value);
            }
        }

        return text.AppendLine().Append("Press Ctrl+C to stop.").ToString();
    }
}
