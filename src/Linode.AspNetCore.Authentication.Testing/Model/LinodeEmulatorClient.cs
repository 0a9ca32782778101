namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// An OAuth client registered with the emulator, as at cloud.linode.com: an id (20 hex), a secret (64 hex), one
/// registered redirect URI that the <c>redirect_uri</c> of an authorize request must start with, and the public flag.
/// </summary>
public sealed class LinodeEmulatorClient
{
    /// <summary>The id of the client every emulator knows unless told otherwise.</summary>
    public const string DefaultClientId = "0123456789abcdef0123";

    /// <summary>The secret of the default client.</summary>
    public const string DefaultClientSecret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    /// <summary>Initializes a client.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="clientSecret">The secret; null for a public client.</param>
    /// <param name="redirectUri">The registered redirect URI; authorize requests' <c>redirect_uri</c> must start with it.</param>
    /// <param name="label">The label shown on the consent page.</param>
    public LinodeEmulatorClient(string clientId, string? clientSecret, string redirectUri, string label = "Test application")
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(redirectUri);
        ClientId = clientId;
        ClientSecret = clientSecret;
        RedirectUri = redirectUri;
        Label = label;
    }

    /// <summary>The client id.</summary>
    public string ClientId { get; }

    /// <summary>The secret, or null for a public client (which must use PKCE).</summary>
    public string? ClientSecret { get; }

    /// <summary>The registered redirect URI (a prefix that authorize requests must match).</summary>
    public string RedirectUri { get; set; }

    /// <summary>The label shown to users on the consent page.</summary>
    public string Label { get; set; }

    /// <summary>Whether this is a public client (no secret).</summary>
    public bool IsPublic => ClientSecret is null;

    /// <summary>Creates the default confidential client, registered for any <c>http://localhost</c> and <c>https://</c> callback
    /// when <paramref name="redirectUri"/> is omitted (an empty prefix matches everything).</summary>
    /// <param name="redirectUri">The registered redirect URI prefix.</param>
    /// <returns>The client.</returns>
    public static LinodeEmulatorClient CreateDefault(string redirectUri = "http") => new(DefaultClientId, DefaultClientSecret, redirectUri);
}
