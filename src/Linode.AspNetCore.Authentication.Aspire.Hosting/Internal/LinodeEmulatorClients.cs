using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Linode.AspNetCore.Authentication.Aspire.Hosting.Internal;

/// <summary>The emulator's clients, one per referencing project, as the tool's <c>LinodeEmulator__Clients__*</c>
/// variables. With none, the tool keeps its development client.</summary>
internal static class LinodeEmulatorClients
{
    public static void Write(LinodeEmulatorResource emulator, IDictionary<string, object> environment)
    {
        var index = 0;
        foreach (var client in emulator.Annotations.OfType<LinodeEmulatorClientRegistration>())
        {
            var prefix = $"LinodeEmulator__Clients__{index++}__";
            environment[prefix + "ClientId"] = client.ClientId;
            environment[prefix + "ClientSecret"] = client.ClientSecret;
            environment[prefix + "RedirectUri"] = client.RedirectUri();
            environment[prefix + "Label"] = client.Project.Name + " (Aspire)";
        }
    }
}
