namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// The configuration that points a Linode scheme at an emulator: the client credentials and the four endpoints, as the
/// keys of <c>Authentication:Schemes:&lt;scheme&gt;</c> the handler reads. Configuration, not code, because the emulator
/// never references the handler package.
/// </summary>
public static class LinodeEmulatorConfiguration
{
    /// <summary>The settings for scheme <paramref name="scheme"/>: <c>ClientId</c>, <c>ClientSecret</c>,
    /// <c>AuthorizationEndpoint</c>, <c>TokenEndpoint</c>, <c>UserInformationEndpoint</c> and <c>RevocationEndpoint</c>.</summary>
    /// <param name="server">The emulator on its loopback port.</param>
    /// <param name="scheme">The Linode scheme; <c>Linode</c> by default.</param>
    /// <param name="client">The registered client to use; the emulator's first (the default client) when null.</param>
    /// <returns>Key/value pairs for an in-memory configuration source or <c>UseSetting</c>.</returns>
    public static IReadOnlyDictionary<string, string?> For(LinodeEmulatorServer server, string scheme = "Linode", LinodeEmulatorClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        client ??= server.Emulator.Options.Clients[0];
        var section = "Authentication:Schemes:" + scheme + ":";
        var endpoints = server.Endpoints;
        return new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [section + "ClientId"] = client.ClientId,
            [section + "ClientSecret"] = client.ClientSecret,
            [section + "AuthorizationEndpoint"] = endpoints.Authorization.AbsoluteUri,
            [section + "TokenEndpoint"] = endpoints.Token.AbsoluteUri,
            [section + "UserInformationEndpoint"] = endpoints.Profile.AbsoluteUri,
            [section + "RevocationEndpoint"] = endpoints.Revocation.AbsoluteUri,
        };
    }
}
