namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// The configuration that points a Linode scheme at an emulator: the client credentials and the four endpoints, as the
/// keys of <c>Authentication:Schemes:&lt;scheme&gt;</c> the handler reads. Configuration, not code, because the emulator
/// never references the handler package.
/// </summary>
public static class LinodeEmulatorConfiguration
{
    /// <summary>The key of the Linode API's base address that the handler package's API clients read.</summary>
    public const string ApiBaseAddressKey = "LinodeApi:BaseAddress";

    /// <summary>The settings for scheme <paramref name="scheme"/>: <c>ClientId</c>, <c>ClientSecret</c>,
    /// <c>AuthorizationEndpoint</c>, <c>TokenEndpoint</c>, <c>UserInformationEndpoint</c> and <c>RevocationEndpoint</c>, and
    /// <c>LinodeApi:BaseAddress</c> (the API root of the handler package's API clients).</summary>
    /// <param name="server">The emulator on its loopback port.</param>
    /// <param name="scheme">The Linode scheme; <c>Linode</c> by default.</param>
    /// <param name="client">The registered client to use; the emulator's first (the default client) when null.</param>
    /// <returns>Key/value pairs for an in-memory configuration source or <c>UseSetting</c>.</returns>
    public static IReadOnlyDictionary<string, string?> For(LinodeEmulatorServer server, string scheme = "Linode", LinodeEmulatorClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        client ??= server.Emulator.Options.Clients[0];
        return ForAddress(server.BaseAddress, client.ClientId, client.ClientSecret, scheme);
    }

    /// <summary>The same settings for an emulator known only by its address, for example a <c>linode-emulator</c> started
    /// by another process.</summary>
    /// <param name="baseAddress">Where the emulator is served, e.g. <c>http://127.0.0.1:5070/</c>.</param>
    /// <param name="clientId">The client id; the development client's by default.</param>
    /// <param name="clientSecret">Its secret; null for a public client.</param>
    /// <param name="scheme">The Linode scheme; <c>Linode</c> by default.</param>
    /// <returns>Key/value pairs for an in-memory configuration source or <c>UseSetting</c>.</returns>
    public static IReadOnlyDictionary<string, string?> ForAddress(Uri baseAddress, string clientId = LinodeEmulatorClient.DefaultClientId, string? clientSecret = LinodeEmulatorClient.DefaultClientSecret, string scheme = "Linode")
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        var section = "Authentication:Schemes:" + scheme + ":";
        var endpoints = LinodeEmulatorEndpoints.For(baseAddress);
        return new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [section + "ClientId"] = clientId,
            [section + "ClientSecret"] = clientSecret,
            [section + "AuthorizationEndpoint"] = endpoints.Authorization.AbsoluteUri,
            [section + "TokenEndpoint"] = endpoints.Token.AbsoluteUri,
            [section + "UserInformationEndpoint"] = endpoints.Profile.AbsoluteUri,
            [section + "RevocationEndpoint"] = endpoints.Revocation.AbsoluteUri,
            [ApiBaseAddressKey] = endpoints.Api.AbsoluteUri,
        };
    }
}
