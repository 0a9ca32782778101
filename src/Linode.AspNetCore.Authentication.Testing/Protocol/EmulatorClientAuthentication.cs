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

    /// <summary>The preamble of the login endpoints that take a client's form (token, revoke): a POST with a form
    /// (<paramref name="notAForm"/> otherwise, 400 <c>invalid_request</c>) from a client that authenticates (401
    /// <c>invalid_client</c> otherwise). Returns the client and its form, or null when it answered the error.</summary>
    public static async Task<(LinodeEmulatorClient Client, IFormCollection Form)?> AuthenticatePostAsync(LinodeEmulator emulator, HttpContext context, string notAForm, bool requireSecret = true)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.HasFormContentType)
        {
            await EmulatorResponses.OAuthErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", notAForm);
            return null;
        }

        var form = context.Request.Form;
        if (Authenticate(emulator, form, requireSecret) is not { } client)
        {
            await EmulatorResponses.OAuthErrorAsync(context, StatusCodes.Status401Unauthorized, "invalid_client", "Unknown client_id or wrong client_secret.");
            return null;
        }

        return (client, form);
    }

    public static bool SecretsEqual(string expected, string? actual) =>
        actual is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
