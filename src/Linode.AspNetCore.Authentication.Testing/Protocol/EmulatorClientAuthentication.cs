using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>Client authentication at the login endpoints: credentials in the form body, secrets compared in fixed time.</summary>
internal static class EmulatorClientAuthentication
{
    /// <summary>The client named by <c>client_id</c> when its secret matches (or it is public, or no secret is required), else null.</summary>
    public static LinodeEmulatorClient? Authenticate(LinodeEmulator emulator, IFormCollection form, bool requireSecret = true)
    {
        var client = emulator.FindClient(form["client_id"]);
        if (client is null)
        {
            return null;
        }

        return client.IsPublic || !requireSecret || SecretsEqual(client.ClientSecret!, form["client_secret"]) ? client : null;
    }

    public static bool SecretsEqual(string expected, string? actual) =>
        actual is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
