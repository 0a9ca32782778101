namespace Linode.AspNetCore.Authentication;

/// <summary>
/// Default values of the Linode authentication handler.
/// </summary>
public static class LinodeDefaults
{
    /// <summary>The default scheme name, <c>Linode</c>. A constant so it can be used in attributes.</summary>
    public const string AuthenticationScheme = "Linode";

    /// <summary>The default display name, used by <see cref="Microsoft.AspNetCore.Authentication.AuthenticationScheme.DisplayName"/>.</summary>
    public static string DisplayName => "Linode";

    /// <summary>The default callback path, <c>/signin-linode</c>. It must sit under the redirect URI registered for the OAuth client.</summary>
    public static string CallbackPath => "/signin-linode";

    /// <summary>Linode's authorization endpoint, <c>https://login.linode.com/oauth/authorize</c>.</summary>
    public static string AuthorizationEndpoint => "https://login.linode.com/oauth/authorize";

    /// <summary>Linode's token endpoint, <c>https://login.linode.com/oauth/token</c>.</summary>
    public static string TokenEndpoint => "https://login.linode.com/oauth/token";

    /// <summary>Linode's token revocation endpoint, <c>https://login.linode.com/oauth/revoke</c>.</summary>
    public static string RevocationEndpoint => "https://login.linode.com/oauth/revoke";

    /// <summary>Linode's legacy token expiration endpoint, <c>https://login.linode.com/oauth/token/expire</c>,
    /// replaced by <see cref="RevocationEndpoint"/> in November 2023. Set it as
    /// <see cref="LinodeOptions.RevocationEndpoint"/> to use it instead; no <c>token_type_hint</c> is sent to it.</summary>
    public static string LegacyTokenExpirationEndpoint => "https://login.linode.com/oauth/token/expire";

    /// <summary>The profile endpoint used for the user's claims, <c>https://api.linode.com/v4/profile</c>.
    /// It answers for any valid token whatever its scopes.</summary>
    public static string UserInformationEndpoint => "https://api.linode.com/v4/profile";

    /// <summary>The name of the <see cref="System.Net.Http.IHttpClientFactory"/> client used for back-channel calls
    /// when neither <c>Backchannel</c> nor <c>BackchannelHttpHandler</c> is set. Configure it with
    /// <c>services.AddHttpClient(LinodeDefaults.BackchannelHttpClientName)</c> (proxies, resilience handlers).</summary>
    public const string BackchannelHttpClientName = "Linode.AspNetCore.Authentication";
}
