namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// An OAuth client registered with the emulator, as at cloud.linode.com: an id (20 hex), a secret (64 hex), one
/// registered redirect URI that the <c>redirect_uri</c> of an authorize request must start with, and the public flag.
/// The registered URI is a full http(s) URL with a path, as Linode requires, so that matching by prefix can never reach
/// another host (<c>http://localhost</c> would match <c>http://localhost.evil.example</c>).
/// </summary>
public sealed class LinodeEmulatorClient
{
    /// <summary>The callback the default client is registered for: the Linode handler's on a <c>WebApplicationFactory</c>
    /// or <c>TestServer</c> app (whose address is <c>http://localhost</c>).</summary>
    public const string DefaultRedirectUri = "http://localhost/signin-linode";

    private string _redirectUri = DefaultRedirectUri;

    /// <summary>The id of the client every emulator knows unless told otherwise.</summary>
    public const string DefaultClientId = "0123456789abcdef0123";

    /// <summary>The secret of the default client.</summary>
    public const string DefaultClientSecret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    /// <summary>Initializes a client.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="clientSecret">The secret; null for a public client.</param>
    /// <param name="redirectUri">The registered redirect URI: an absolute http(s) URL with a path; authorize requests'
    /// <c>redirect_uri</c> must start with it.</param>
    /// <param name="label">The label shown on the consent page.</param>
    /// <exception cref="ArgumentException"><paramref name="redirectUri"/> is not an absolute http(s) URL with a path.</exception>
    public LinodeEmulatorClient(string clientId, string? clientSecret, string redirectUri, string label = "Test application")
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ClientId = clientId;
        ClientSecret = clientSecret;
        RedirectUri = redirectUri;
        Label = label;
    }

    /// <summary>The client id.</summary>
    public string ClientId { get; }

    /// <summary>The secret, or null for a public client (which must use PKCE).</summary>
    public string? ClientSecret { get; }

    /// <summary>The registered redirect URI (a prefix that authorize requests must match): an absolute http(s) URL with a path.</summary>
    /// <exception cref="ArgumentException">The value is not an absolute http(s) URL with a path.</exception>
    public string RedirectUri
    {
        get => _redirectUri;
        set => _redirectUri = Registrable(value);
    }

    /// <summary>The label shown to users on the consent page.</summary>
    public string Label { get; set; }

    /// <summary>Whether this is a public client (no secret).</summary>
    public bool IsPublic => ClientSecret is null;

    /// <summary>Creates the default confidential client (<see cref="DefaultClientId"/>, <see cref="DefaultClientSecret"/>).</summary>
    /// <param name="redirectUri">The registered redirect URI; <see cref="DefaultRedirectUri"/> when omitted.</param>
    /// <returns>The client.</returns>
    public static LinodeEmulatorClient CreateDefault(string redirectUri = DefaultRedirectUri) => new(DefaultClientId, DefaultClientSecret, redirectUri);

    private static string Registrable(string? redirectUri)
    {
        ArgumentException.ThrowIfNullOrEmpty(redirectUri);
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.UserInfo) || redirectUri.IndexOf('/', uri.Scheme.Length + 3) < 0)
        {
            throw new ArgumentException($"A registered redirect URI must be an absolute http(s) URL with a path, such as '{DefaultRedirectUri}'; '{redirectUri}' is not.", nameof(redirectUri));
        }

        return redirectUri;
    }
}
