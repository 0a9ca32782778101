using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Linode.AspNetCore.Authentication.Tests.Authorization;

/// <summary>Step-up with several scopes: all missing ones asked for at once (comma-separated, with what was granted); a
/// page that also has a plain requirement is never stepped up; Linode granting only part of what was asked ends on the
/// forbidden page naming the rest, without a second trip.</summary>
public sealed class StepUpSeveralScopesTests
{
    private static async Task<LinodeTestHost> SignedInWithAsync(string scope)
    {
        var host = await LinodeTestHost.StartAsync(options => options.Scope.Add(scope));
        using (await host.SignInAsync())
        {
        }

        return host;
    }

    [Fact]
    public async Task Several_missing_scopes_are_asked_for_in_one_challenge_with_what_was_granted()
    {
        await using var host = await SignedInWithAsync(LinodeScopes.Linodes.ReadOnly);

        using var challenge = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/scoped/two-step-up"));

        Assert.Equal(HttpStatusCode.Found, challenge.StatusCode);
        Assert.Equal(LinodeTestHost.LoginHost, challenge.Headers.Location!.Host);
        Assert.Equal("linodes:read_only,linodes:read_write,volumes:read_only", QueryHelpers.ParseQuery(challenge.Headers.Location.Query)["scope"].ToString());
    }

    [Fact]
    public async Task A_page_that_also_needs_a_plain_scope_is_forbidden_not_stepped_up()
    {
        await using var host = await SignedInWithAsync(LinodeScopes.Linodes.ReadOnly);

        using var response = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/scoped/mixed"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/forbidden", response.Headers.Location!.AbsolutePath);
        Assert.Equal("linodes:read_write,volumes:read_only", QueryHelpers.ParseQuery(response.Headers.Location.Query)["missing_scopes"].ToString());
        Assert.Single(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Authorize));
    }

    [Fact]
    public async Task Linode_granting_part_of_the_step_up_ends_on_the_forbidden_page_naming_the_rest()
    {
        await using var host = await SignedInWithAsync(LinodeScopes.Linodes.ReadOnly);
        host.Emulator.Options.GrantedScopes = [LinodeScopes.Linodes.ReadOnly, LinodeScopes.Linodes.ReadWrite];

        using var response = await host.Browser.GetAsync(LinodeTestHost.AppBase + "/scoped/two-step-up");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("forbidden /scoped/two-step-up missing=volumes:read_only", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Authorize).Count);
    }

    [Fact]
    public async Task A_refused_step_up_does_not_stop_a_later_page_from_asking_for_a_scope_never_asked_for()
    {
        await using var host = await SignedInWithAsync(LinodeScopes.Linodes.ReadOnly);
        host.Emulator.Options.GrantedScopes = [LinodeScopes.Linodes.ReadOnly];
        using (var refused = await host.Browser.GetAsync(LinodeTestHost.AppBase + "/scoped/write"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var challenge = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/scoped/two-step-up"));

        Assert.Equal(HttpStatusCode.Found, challenge.StatusCode);
        Assert.Equal(LinodeTestHost.LoginHost, challenge.Headers.Location!.Host);
        Assert.Equal("linodes:read_only,linodes:read_write,volumes:read_only", QueryHelpers.ParseQuery(challenge.Headers.Location.Query)["scope"].ToString());
    }
}
