using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Tests.Configuration;

/// <summary>Misconfiguration fails when the app starts, with a message naming the setting and its configuration key.</summary>
public sealed class OptionsValidationTests
{
    private const string Section = "Authentication:Schemes:Linode:";

    private const string ClientIdAdvice = "The Linode scheme 'Linode' has no ClientId. Set 'Authentication:Schemes:Linode:ClientId' (for example with " +
        "'dotnet user-secrets init' once, then 'dotnet user-secrets set \"Authentication:Schemes:Linode:ClientId\" <id>') or LinodeOptions.ClientId to the id of your OAuth client at cloud.linode.com.";

    private static Dictionary<string, string?> ValidSettings() => new()
    {
        [Section + "ClientId"] = LinodeEmulatorClient.DefaultClientId,
        [Section + "ClientSecret"] = LinodeEmulatorClient.DefaultClientSecret,
    };

    [Theory]
    [InlineData("ClientId", null, ClientIdAdvice)]
    [InlineData("ClientId", "  ", ClientIdAdvice)]
    [InlineData("ClientSecret", null, "The Linode scheme 'Linode' has no ClientSecret. Set 'Authentication:Schemes:Linode:ClientSecret' (user-secrets or an environment variable; never commit it) or LinodeOptions.ClientSecret.")]
    [InlineData("TokenEndpoint", "http://login.example.com/oauth/token", "TokenEndpoint must be an absolute https URL (http only for loopback hosts such as the emulator); 'Authentication:Schemes:Linode:TokenEndpoint' is 'http://login.example.com/oauth/token'")]
    [InlineData("AuthorizationEndpoint", "not a url", "'Authentication:Schemes:Linode:AuthorizationEndpoint' is 'not a url'")]
    [InlineData("UserInformationEndpoint", "/v4/profile", "'Authentication:Schemes:Linode:UserInformationEndpoint' is '/v4/profile'")]
    [InlineData("RevocationEndpoint", "ftp://login.linode.com/oauth/revoke", "'Authentication:Schemes:Linode:RevocationEndpoint' is 'ftp://login.linode.com/oauth/revoke'")]
    [InlineData("RevocationTimeout", "00:00:00", "Configuration key 'Authentication:Schemes:Linode:RevocationTimeout' must be a positive time span")]
    [InlineData("BackchannelTimeout", "-00:00:01", "Configuration key 'Authentication:Schemes:Linode:BackchannelTimeout' must be a positive time span")]
    [InlineData("ScopeSeparator", ";", "'Authentication:Schemes:Linode:ScopeSeparator' must be \",\" or \" \"")]
    [InlineData("UsePkce", "yes", "Configuration key 'Authentication:Schemes:Linode:UsePkce' must be true or false; it is 'yes'")]
    [InlineData("SaveTokens", "1", "Configuration key 'Authentication:Schemes:Linode:SaveTokens' must be true or false")]
    [InlineData("RevokeTokenOnSignOut", "on", "Configuration key 'Authentication:Schemes:Linode:RevokeTokenOnSignOut' must be true or false")]
    [InlineData("BackchannelTimeout", "soon", "Configuration key 'Authentication:Schemes:Linode:BackchannelTimeout' must be a positive time span such as '00:00:30'; it is 'soon'")]
    [InlineData("TokenRefreshWindow", "00:00:00", "Configuration key 'Authentication:Schemes:Linode:TokenRefreshWindow' must be a positive time span")]
    [InlineData("AutomaticTokenRefresh", "maybe", "Configuration key 'Authentication:Schemes:Linode:AutomaticTokenRefresh' must be true or false")]
    [InlineData("CallbackPath", "signin-linode", "Configuration key 'Authentication:Schemes:Linode:CallbackPath' must start with '/'")]
    public async Task A_wrong_setting_stops_the_app_at_start_up_with_a_message_naming_the_key(string key, string? value, string expected)
    {
        var settings = ValidSettings();
        settings[Section + key] = value;
        if (value is null)
        {
            settings.Remove(Section + key);
        }

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => LinodeTestHost.StartAsync(settings: settings));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_messages_name_the_key_of_a_custom_scheme()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => LinodeTestHost.StartAsync(
            settings: new Dictionary<string, string?>(),
            addSchemes: (authentication, _) => authentication.AddLinode("LinodeWork", _ => { })));

        Assert.Contains("The Linode scheme 'LinodeWork' has no ClientId. Set 'Authentication:Schemes:LinodeWork:ClientId'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5123/oauth/token")]
    [InlineData("http://localhost:5123/oauth/token")]
    [InlineData("http://[::1]:5123/oauth/token")]
    [InlineData("https://login.linode.com/oauth/token")]
    public async Task Https_or_a_loopback_http_endpoint_is_accepted(string endpoint)
    {
        var settings = ValidSettings();
        settings[Section + "TokenEndpoint"] = endpoint;

        await using var host = await LinodeTestHost.StartAsync(settings: settings);

        Assert.Equal(endpoint, host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<LinodeOptions>>().Get("Linode").TokenEndpoint);
    }

    [Fact]
    public async Task A_zero_revocation_timeout_set_in_code_is_refused_too()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => LinodeTestHost.StartAsync(options => options.RevocationTimeout = TimeSpan.Zero));

        Assert.Contains("'Authentication:Schemes:Linode:RevocationTimeout' must be positive; it is 00:00:00", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Automatic_refresh_without_saved_tokens_is_refused()
    {
        var settings = ValidSettings();
        settings[Section + "AutomaticTokenRefresh"] = "true";
        settings[Section + "SaveTokens"] = "false";

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => LinodeTestHost.StartAsync(settings: settings));

        Assert.Contains("'Authentication:Schemes:Linode:AutomaticTokenRefresh' needs the tokens saved in the cookie", exception.Message, StringComparison.Ordinal);
    }
}
