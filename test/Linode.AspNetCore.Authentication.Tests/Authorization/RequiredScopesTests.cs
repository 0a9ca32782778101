using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Linode.AspNetCore.Authentication.Tests.Authorization;

public sealed class RequiredScopesTests
{
    [Fact]
    public async Task Required_scopes_are_requested_and_a_sign_in_without_them_fails()
    {
        var emulator = LinodeTestHost.NewEmulator();
        emulator.Options.GrantedScopes = [LinodeScopes.Linodes.ReadOnly];
        await using var host = await LinodeTestHost.StartAsync(options =>
        {
            options.Scope.Add(LinodeScopes.Linodes.ReadOnly);
            options.RequiredScopes.Add(LinodeScopes.Linodes.ReadWrite);
        }, emulator: emulator);

        using var response = await host.SignInAsync();
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var authorize = Assert.Single(emulator.RequestsTo(LinodeEmulatorEndpoint.Authorize));
        Assert.Equal("linodes:read_only,linodes:read_write", authorize.Query["scope"]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Sign-in with Linode failed. Linode granted 'linodes:read_only', but this app requires 'linodes:read_write'.\n", body);
        var failure = Assert.Single(host.Failures);
        Assert.Equal("insufficient_scope", failure.Data["error"]);
        Assert.Equal("Missing required scopes: linodes:read_write", failure.Data["error_description"]);
        Assert.Equal("linodes:read_write", failure.Data["missing_scopes"]);
        var typed = Assert.IsType<LinodeAuthenticationFailureException>(failure);
        Assert.Equal([LinodeScopes.Linodes.ReadWrite], typed.MissingScopes.Select(scope => scope.Value));
        Assert.Equal("insufficient_scope", typed.SafeErrorCode);
        Assert.Null(typed.StatusCode);
        Assert.Empty(emulator.RequestsTo(LinodeEmulatorEndpoint.Profile));
    }

    [Fact]
    public async Task A_failure_for_several_missing_scopes_lists_each_granted_and_each_missing_scope()
    {
        var emulator = LinodeTestHost.NewEmulator();
        emulator.Options.GrantedScopes = [LinodeScopes.Linodes.ReadOnly, LinodeScopes.Volumes.ReadOnly];
        await using var host = await LinodeTestHost.StartAsync(options =>
        {
            options.RequiredScopes.Add(LinodeScopes.Linodes.ReadWrite);
            options.RequiredScopes.Add(LinodeScopes.Domains.ReadOnly);
        }, emulator: emulator);

        using var response = await host.SignInAsync();
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("Sign-in with Linode failed. Linode granted 'linodes:read_only,volumes:read_only', but this app requires 'linodes:read_write,domains:read_only'.\n", body);
        var failure = Assert.Single(host.Failures);
        Assert.Equal("Missing required scopes: linodes:read_write,domains:read_only", failure.Data["error_description"]);
        Assert.Equal("linodes:read_write,domains:read_only", failure.Data["missing_scopes"]);
    }

    [Fact]
    public async Task A_sign_in_that_covers_the_required_scopes_succeeds()
    {
        await using var host = await LinodeTestHost.StartAsync(options => options.RequiredScopes.Add(LinodeScopes.Linodes.ReadOnly));

        var me = await host.GetMeAsync();

        Assert.Equal(["linodes:read_only"], me.ValuesOf(LinodeClaimTypes.Scope));
        Assert.Equal("linodes:read_only", QueryHelpers.ParseQuery(host.Browser.History[1].Uri.Query)["scope"].ToString());
    }

    [Fact]
    public async Task Required_scopes_bind_from_configuration()
    {
        await using var host = await LinodeTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Authentication:Schemes:Linode:ClientId"] = LinodeEmulatorClient.DefaultClientId,
            ["Authentication:Schemes:Linode:ClientSecret"] = LinodeEmulatorClient.DefaultClientSecret,
            ["Authentication:Schemes:Linode:Scope"] = "linodes:read_write",
            ["Authentication:Schemes:Linode:RequiredScopes"] = "linodes:read_only,events:read_only",
        });

        var options = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<LinodeOptions>>(host.Services).Get("Linode");

        Assert.Equal(["linodes:read_only", "events:read_only"], options.RequiredScopes);
        Assert.Equal(["linodes:read_write", "events:read_only"], options.Scope);
    }
}
