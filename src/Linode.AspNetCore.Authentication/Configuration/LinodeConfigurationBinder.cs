using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// Binds <see cref="LinodeOptions"/> from <c>Authentication:Schemes:&lt;scheme&gt;</c>, the ASP.NET Core convention
/// (<see cref="IAuthenticationConfigurationProvider"/>). Runs before the <c>AddLinode</c> delegate, so code wins over
/// configuration. Reads keys explicitly (trim- and AOT-safe) and names the key in every error.
/// </summary>
internal sealed class LinodeConfigurationBinder : IConfigureNamedOptions<LinodeOptions>
{
    private readonly IAuthenticationConfigurationProvider _configuration;

    /// <param name="configuration">The authentication configuration (registered by <c>AddAuthentication</c>, which
    /// every <c>AddLinode</c> follows).</param>
    public LinodeConfigurationBinder(IAuthenticationConfigurationProvider configuration) => _configuration = configuration;

    public void Configure(LinodeOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, LinodeOptions options)
    {
        // Only a scheme's options are bound: the unnamed options (IOptions<LinodeOptions>) belong to no scheme.
        if (string.IsNullOrEmpty(name))
        {
            return;
        }

        var section = _configuration.GetSchemeConfiguration(name);
        var prefix = LinodeConfigurationKeys.Key(name, string.Empty);
        SetString(section, nameof(options.ClientId), value => options.ClientId = value);
        SetString(section, nameof(options.ClientSecret), value => options.ClientSecret = value);
        SetString(section, nameof(options.AuthorizationEndpoint), value => options.AuthorizationEndpoint = value);
        SetString(section, nameof(options.TokenEndpoint), value => options.TokenEndpoint = value);
        SetString(section, nameof(options.UserInformationEndpoint), value => options.UserInformationEndpoint = value);
        SetString(section, nameof(options.RevocationEndpoint), value => options.RevocationEndpoint = value);
        SetString(section, nameof(options.CallbackPath), value => options.CallbackPath = ToPath(value, prefix + nameof(options.CallbackPath)));
        SetString(section, nameof(options.AccessDeniedPath), value => options.AccessDeniedPath = ToPath(value, prefix + nameof(options.AccessDeniedPath)));
        SetString(section, nameof(options.ScopeSeparator), value => options.ScopeSeparator = value);
        SetString(section, nameof(options.SignInScheme), value => options.SignInScheme = value);
        SetString(section, nameof(options.ClaimsIssuer), value => options.ClaimsIssuer = value);
        SetBoolean(section, prefix, nameof(options.UsePkce), value => options.UsePkce = value);
        SetBoolean(section, prefix, nameof(options.SaveTokens), value => options.SaveTokens = value);
        SetBoolean(section, prefix, nameof(options.RevokeTokenOnSignOut), value => options.RevokeTokenOnSignOut = value);
        SetBoolean(section, prefix, nameof(options.AutomaticTokenRefresh), value => options.AutomaticTokenRefresh = value);
        SetTimeSpan(section, prefix, nameof(options.TokenRefreshWindow), value => options.TokenRefreshWindow = value);
        SetTimeSpan(section, prefix, nameof(options.TokenRefreshTimeout), value => options.TokenRefreshTimeout = value);
        SetTimeSpan(section, prefix, nameof(options.BackchannelTimeout), value => options.BackchannelTimeout = value);
        SetTimeSpan(section, prefix, nameof(options.RevocationTimeout), value => options.RevocationTimeout = value);
        SetTimeSpan(section, prefix, nameof(options.RemoteAuthenticationTimeout), value => options.RemoteAuthenticationTimeout = value);
        BindScopes(section, nameof(options.Scope), options.Scope);
        BindScopes(section, nameof(options.RequiredScopes), options.RequiredScopes);
    }

    /// <summary><c>Scope</c> and <c>RequiredScopes</c> are either one string ("linodes:read_only,domains:read_only", commas or spaces) or an array.</summary>
    private static void BindScopes(IConfiguration section, string key, ICollection<string> target)
    {
        var scope = section.GetSection(key);
        var values = scope.Value is not null ? [scope.Value] : scope.GetChildren().Select(child => child.Value).ToArray();
        if (scope.Value is null && values.Length == 0)
        {
            return;
        }

        target.Clear();
        foreach (var parsed in LinodeScopes.Parse(values))
        {
            target.Add(parsed.Value);
        }
    }

    private static void SetString(IConfiguration section, string key, Action<string> set)
    {
        if (section[key] is { } value)
        {
            set(value);
        }
    }

    private static void SetBoolean(IConfiguration section, string prefix, string key, Action<bool> set)
    {
        if (section[key] is not { } text)
        {
            return;
        }

        set(bool.TryParse(text, out var value)
            ? value
            : throw new InvalidOperationException($"Configuration key '{prefix}{key}' must be true or false; it is '{text}'."));
    }

    private static void SetTimeSpan(IConfiguration section, string prefix, string key, Action<TimeSpan> set)
    {
        if (section[key] is not { } text)
        {
            return;
        }

        set(TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : throw new InvalidOperationException($"Configuration key '{prefix}{key}' must be a positive time span such as '00:00:30'; it is '{text}'."));
    }

    private static PathString ToPath(string value, string key) =>
        value.StartsWith('/') ? new PathString(value) : throw new InvalidOperationException($"Configuration key '{key}' must start with '/'; it is '{value}'.");
}
