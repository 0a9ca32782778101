using System.Net;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Linode.AspNetCore.Authentication.Tests.Security;

/// <summary>A user forbidden for a missing Linode scope lands on the access-denied page with <c>missing_scopes</c>, in an
/// app that never called <c>AddLinodeStepUpConsent()</c> as well.</summary>
public sealed class MissingScopesWithoutStepUpTests
{
    [Theory]
    [InlineData("/scoped/read", "linodes:read_only")]
    [InlineData("/scoped/write", "linodes:read_write")]
    [InlineData("/scoped/write-no-step-up", "linodes:read_write")]
    [InlineData("/scoped/policy", "volumes:read_only")]
    public async Task The_access_denied_redirect_names_the_missing_scopes(string path, string missing)
    {
        await using var host = await LinodeTestHost.StartAsync(options => options.Scope.Add("domains:read_only"), features: LinodeTestHost.HostFeatures.None);
        using (await host.SignInAsync())
        {
        }

        using var response = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + path));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/forbidden", response.Headers.Location!.AbsolutePath);
        var query = QueryHelpers.ParseQuery(response.Headers.Location.Query);
        Assert.Equal(path, query["ReturnUrl"].ToString());
        Assert.Equal(missing, query["missing_scopes"].ToString());
    }

    [Fact]
    public async Task A_forbidden_user_who_has_every_scope_gets_no_missing_scopes()
    {
        await using var host = await LinodeTestHost.StartAsync(options => options.Scope.Add("linodes:read_write"), features: LinodeTestHost.HostFeatures.None);
        using (await host.SignInAsync())
        {
        }

        using var response = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/scoped/admin-writer"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/forbidden", response.Headers.Location!.AbsolutePath);
        Assert.False(QueryHelpers.ParseQuery(response.Headers.Location.Query).ContainsKey("missing_scopes"));
    }
}
