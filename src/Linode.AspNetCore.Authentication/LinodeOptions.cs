using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// Options of the Linode authentication handler. Every setting can also come from the configuration section
/// <c>Authentication:Schemes:&lt;scheme&gt;</c> (appsettings, environment variables, user-secrets).
/// </summary>
public class LinodeOptions : OAuthOptions
{
    /// <summary>Initializes the options with Linode's endpoints, the claim mappings and <see cref="RemoteAuthenticationOptions.SaveTokens"/> on.</summary>
    public LinodeOptions()
    {
        CallbackPath = LinodeDefaults.CallbackPath;
        AuthorizationEndpoint = LinodeDefaults.AuthorizationEndpoint;
        TokenEndpoint = LinodeDefaults.TokenEndpoint;
        UserInformationEndpoint = LinodeDefaults.UserInformationEndpoint;
        SaveTokens = true;

        // PKCE is supported by login.linode.com for public clients (Cloud Manager); whether a confidential client
        // may add it is not confirmed, so it stays opt-in.
        UsePkce = false;
        Events = new LinodeEvents();

        ClaimActions.MapJsonKey(ClaimTypes.NameIdentifier, "uid");
        ClaimActions.MapJsonKey(ClaimTypes.Name, "username");
        ClaimActions.MapJsonKey(ClaimTypes.Email, "email");
        ClaimActions.MapJsonKey(LinodeClaimTypes.Timezone, "timezone");
        ClaimActions.MapCustomJson(LinodeClaimTypes.Restricted, ClaimValueTypes.Boolean, user => ReadBoolean(user, "restricted"));
        ClaimActions.MapCustomJson(LinodeClaimTypes.TwoFactorAuth, ClaimValueTypes.Boolean, user => ReadBoolean(user, "two_factor_auth"));
        ClaimActions.MapJsonKey(LinodeClaimTypes.UserType, "user_type");
        ClaimActions.MapJsonKey(LinodeClaimTypes.AuthenticationType, "authentication_type");
    }

    /// <summary>The endpoint that revokes tokens on sign-out. Defaults to <see cref="LinodeDefaults.RevocationEndpoint"/>;
    /// <see cref="LinodeDefaults.LegacyTokenExpirationEndpoint"/> may be configured instead.</summary>
    public string RevocationEndpoint { get; set; } = LinodeDefaults.RevocationEndpoint;

    /// <summary>Whether signing the user out of the sign-in scheme revokes the Linode access token (and with it the refresh
    /// token). Defaults to <see langword="true"/>: Linode's guide says a logout that leaves the token alive is incomplete.
    /// Revocation is best effort: it never fails or blocks the sign-out beyond <see cref="RevocationTimeout"/>.</summary>
    public bool RevokeTokenOnSignOut { get; set; } = true;

    /// <summary>The longest a revocation call may take before it is abandoned. Defaults to 5 seconds.</summary>
    public TimeSpan RevocationTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether the saved tokens are refreshed automatically while the sign-in cookie is validated, when the access
    /// token expires within <see cref="TokenRefreshWindow"/>. Off by default; needs <see cref="RemoteAuthenticationOptions.SaveTokens"/>.
    /// Linode access tokens live 2 hours and every refresh rotates the refresh token.</summary>
    public bool AutomaticTokenRefresh { get; set; }

    /// <summary>How long before the access token expires an automatic refresh happens. Defaults to 5 minutes.</summary>
    public TimeSpan TokenRefreshWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest a request waits for an automatic refresh before it goes on with the current access token
    /// (still valid inside the refresh window). Defaults to 5 seconds. The call to Linode itself is not cancelled then
    /// (Linode may already have rotated the refresh token): it runs on, bounded by <see cref="RemoteAuthenticationOptions.BackchannelTimeout"/>,
    /// and the next request of the session applies its result. After a failed refresh the session backs off: Linode's
    /// <c>Retry-After</c> when sent, otherwise 5 seconds doubling up to 5 minutes, never past the access token's expiry.</summary>
    public TimeSpan TokenRefreshTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Scopes without which the sign-in fails: Linode may let users untick scopes on its consent page. They are
    /// added to <see cref="OAuthOptions.Scope"/> when not already covered; a sign-in whose granted scopes do not cover them
    /// fails with an <see cref="AuthenticationFailureException"/> (<c>error</c> = <c>insufficient_scope</c>, <c>missing_scopes</c>).</summary>
    public ICollection<string> RequiredScopes { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The separator put between scopes in the authorize request. Linode documents <c>","</c> (the default)
    /// and also accepts <c>" "</c>.</summary>
    public string ScopeSeparator { get; set; } = ",";

    /// <summary>The scheme these options belong to, for telemetry; set when the options are built.</summary>
    internal string? SchemeName { get; set; }

    /// <summary>The package's instruments, from the app's meter factory; set when the options are built.</summary>
    internal LinodeInstrumentation? Instrumentation { get; set; }

    /// <summary>The events the application can handle. Defaults to a <see cref="LinodeEvents"/> instance.</summary>
    public new LinodeEvents Events
    {
        get => (LinodeEvents)base.Events;
        set => base.Events = value;
    }

    /// <summary>Checks the options and throws a message that names the setting and the configuration key to fix.</summary>
    /// <param name="scheme">The scheme name, used in the configuration keys the messages name.</param>
    public override void Validate(string scheme)
    {
        var section = LinodeConfigurationKeys.Key(scheme, string.Empty);
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            throw new InvalidOperationException(
                $"The Linode scheme '{scheme}' has no ClientId. Set '{section}ClientId' (for example with " +
                $"'dotnet user-secrets init' once, then 'dotnet user-secrets set \"{section}ClientId\" <id>') or LinodeOptions.ClientId to the id of your OAuth client at cloud.linode.com.");
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            throw new InvalidOperationException(
                $"The Linode scheme '{scheme}' has no ClientSecret. Set '{section}ClientSecret' (user-secrets or an environment " +
                "variable; never commit it) or LinodeOptions.ClientSecret.");
        }

        ValidateEndpoint(AuthorizationEndpoint, nameof(AuthorizationEndpoint), section);
        ValidateEndpoint(TokenEndpoint, nameof(TokenEndpoint), section);
        ValidateEndpoint(UserInformationEndpoint, nameof(UserInformationEndpoint), section);
        ValidateEndpoint(RevocationEndpoint, nameof(RevocationEndpoint), section);

        if (!CallbackPath.HasValue)
        {
            throw new InvalidOperationException($"The Linode scheme '{scheme}' has no CallbackPath. Set '{section}CallbackPath' (default '/signin-linode').");
        }

        if (RevocationTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"'{section}RevocationTimeout' must be positive; it is {RevocationTimeout:c}."));
        }

        if (TokenRefreshWindow <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"'{section}TokenRefreshWindow' must be positive; it is {TokenRefreshWindow:c}."));
        }

        if (TokenRefreshTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"'{section}TokenRefreshTimeout' must be positive; it is {TokenRefreshTimeout:c}."));
        }

        if (AutomaticTokenRefresh && !SaveTokens)
        {
            throw new InvalidOperationException(
                $"'{section}AutomaticTokenRefresh' needs the tokens saved in the cookie: set '{section}SaveTokens' to true (the default).");
        }

        if (ScopeSeparator is not ("," or " "))
        {
            throw new InvalidOperationException($"'{section}ScopeSeparator' must be \",\" or \" \"; it is \"{ScopeSeparator}\".");
        }

        base.Validate(scheme);
    }

    private static void ValidateEndpoint(string? value, string name, string section)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException($"The Linode option {name} is empty. Set '{section}{name}' or leave it unset for Linode's default.");
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            throw new InvalidOperationException(
                $"The Linode option {name} must be an absolute https URL (http only for loopback hosts such as the emulator); " +
                $"'{section}{name}' is '{value}'.");
        }
    }

    private static string? ReadBoolean(JsonElement user, string key) =>
        user.TryGetProperty(key, out var value) ? value.ValueKind switch
        {
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        }
        : null;
}
