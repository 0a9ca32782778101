using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Tests.Configuration;

public sealed class ConfigurationBindingTests
{
    private const string Section = "Authentication:Schemes:Linode:";

    private static async Task<LinodeOptions> BindAsync(Dictionary<string, string?> settings, Action<LinodeOptions>? code = null)
    {
        settings.TryAdd(Section + "ClientId", "from-config");
        settings.TryAdd(Section + "ClientSecret", "secret-from-config");
        await using var host = await LinodeTestHost.StartAsync(settings: settings, addSchemes: (authentication, _) => authentication.AddLinode(options => code?.Invoke(options)));
        return host.Services.GetRequiredService<IOptionsMonitor<LinodeOptions>>().Get(LinodeDefaults.AuthenticationScheme);
    }

    [Fact]
    public async Task Every_documented_key_binds_from_configuration()
    {
        var options = await BindAsync(new()
        {
            [Section + "ClientId"] = "abcdefabcdefabcdefab",
            [Section + "ClientSecret"] = "s3cret",
            [Section + "CallbackPath"] = "/auth/linode",
            [Section + "AuthorizationEndpoint"] = "http://127.0.0.1:9000/oauth/authorize",
            [Section + "TokenEndpoint"] = "http://127.0.0.1:9000/oauth/token",
            [Section + "UserInformationEndpoint"] = "http://127.0.0.1:9000/v4/profile",
            [Section + "RevocationEndpoint"] = "http://127.0.0.1:9000/oauth/revoke",
            [Section + "UsePkce"] = "true",
            [Section + "SaveTokens"] = "false",
            [Section + "RevokeTokenOnSignOut"] = "false",
            [Section + "BackchannelTimeout"] = "00:00:07",
            [Section + "RevocationTimeout"] = "00:00:02",
            [Section + "ScopeSeparator"] = " ",
            [Section + "AccessDeniedPath"] = "/denied",
            [Section + "Scope"] = "linodes:read_only, domains:read_write",
        });

        Assert.Equal("abcdefabcdefabcdefab", options.ClientId);
        Assert.Equal("s3cret", options.ClientSecret);
        Assert.Equal("/auth/linode", options.CallbackPath);
        Assert.Equal("http://127.0.0.1:9000/oauth/authorize", options.AuthorizationEndpoint);
        Assert.Equal("http://127.0.0.1:9000/oauth/token", options.TokenEndpoint);
        Assert.Equal("http://127.0.0.1:9000/v4/profile", options.UserInformationEndpoint);
        Assert.Equal("http://127.0.0.1:9000/oauth/revoke", options.RevocationEndpoint);
        Assert.True(options.UsePkce);
        Assert.False(options.SaveTokens);
        Assert.False(options.RevokeTokenOnSignOut);
        Assert.Equal(TimeSpan.FromSeconds(7), options.BackchannelTimeout);
        Assert.Equal(TimeSpan.FromSeconds(7), options.Backchannel.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RevocationTimeout);
        Assert.Equal(" ", options.ScopeSeparator);
        Assert.Equal("/denied", options.AccessDeniedPath);
        Assert.Equal(["linodes:read_only", "domains:read_write"], options.Scope);
    }

    [Fact]
    public async Task The_sign_in_scheme_issuer_and_the_remaining_time_outs_bind_from_configuration()
    {
        var options = await BindAsync(new()
        {
            [Section + "SignInScheme"] = "External",
            [Section + "ClaimsIssuer"] = "https://login.linode.com",
            [Section + "TokenRefreshTimeout"] = "00:00:03",
            [Section + "RemoteAuthenticationTimeout"] = "00:05:00",
        });

        Assert.Equal("External", options.SignInScheme);
        Assert.Equal("https://login.linode.com", options.ClaimsIssuer);
        Assert.Equal(TimeSpan.FromSeconds(3), options.TokenRefreshTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), options.RemoteAuthenticationTimeout);
    }

    [Fact]
    public async Task Scope_binds_from_an_array_too()
    {
        var options = await BindAsync(new()
        {
            [Section + "Scope:0"] = "linodes:read_only",
            [Section + "Scope:1"] = "events:read_only",
        });

        Assert.Equal(["linodes:read_only", "events:read_only"], options.Scope);
    }

    [Fact]
    public async Task Scopes_named_in_configuration_replace_those_an_earlier_registration_set()
    {
        await using var host = await LinodeTestHost.StartAsync(
            settings: new Dictionary<string, string?>
            {
                [Section + "ClientId"] = "from-config",
                [Section + "ClientSecret"] = "secret-from-config",
                [Section + "Scope"] = "linodes:read_only",
                [Section + "RequiredScopes:0"] = "linodes:read_only",
            },
            addSchemes: (authentication, _) =>
            {
                authentication.Services.Configure<LinodeOptions>(LinodeDefaults.AuthenticationScheme, options =>
                {
                    options.Scope.Add("events:read_only");
                    options.RequiredScopes.Add("events:read_only");
                });
                authentication.AddLinode(options => options.Scope.Add("volumes:read_only"));
            });

        var options = host.Services.GetRequiredService<IOptionsMonitor<LinodeOptions>>().Get(LinodeDefaults.AuthenticationScheme);

        Assert.Equal(["linodes:read_only", "volumes:read_only"], options.Scope);
        Assert.Equal(["linodes:read_only"], options.RequiredScopes);
    }

    [Fact]
    public async Task Defaults_hold_when_configuration_only_has_the_credentials()
    {
        var options = await BindAsync(new());

        Assert.Equal("/signin-linode", options.CallbackPath);
        Assert.Equal("https://login.linode.com/oauth/authorize", options.AuthorizationEndpoint);
        Assert.Equal("https://login.linode.com/oauth/token", options.TokenEndpoint);
        Assert.Equal("https://api.linode.com/v4/profile", options.UserInformationEndpoint);
        Assert.Equal("https://login.linode.com/oauth/revoke", options.RevocationEndpoint);
        Assert.True(options.SaveTokens);
        Assert.True(options.RevokeTokenOnSignOut);
        Assert.False(options.UsePkce);
        Assert.Equal(TimeSpan.FromSeconds(5), options.RevocationTimeout);
        Assert.Empty(options.Scope);
    }

    [Fact]
    public async Task Code_wins_over_configuration()
    {
        var options = await BindAsync(new() { [Section + "ClientId"] = "from-config" }, code: options => options.ClientId = "from-code");

        Assert.Equal("from-code", options.ClientId);
        Assert.Equal("secret-from-config", options.ClientSecret);
    }

    [Fact]
    public async Task Without_a_handler_or_client_the_back_channel_comes_from_the_http_client_factory()
    {
        var options = await BindAsync(new());

        Assert.NotNull(options.Backchannel);
        Assert.Equal(TimeSpan.FromSeconds(60), options.Backchannel.Timeout);
        Assert.Equal(10 * 1024 * 1024, options.Backchannel.MaxResponseContentBufferSize);
    }
}
