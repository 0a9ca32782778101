using System.Net;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Linode.AspNetCore.Authentication.Tests.Authorization;

/// <summary>A requirement of several scopes needs every one of them: a user who granted only some is forbidden, in the
/// attribute, endpoint and policy forms alike, and the forbidden page names exactly the ones missing.</summary>
public sealed class MultiScopeRequirementTests
{
    [Theory]
    [InlineData("/scoped/two-attribute")]
    [InlineData("/scoped/two-endpoint")]
    [InlineData("/scoped/two-policy")]
    public async Task Granting_one_of_two_required_scopes_is_forbidden(string path)
    {
        foreach (var (granted, missing) in new[] { ("linodes:read_only", "volumes:read_only"), ("volumes:read_write", "linodes:read_only") })
        {
            await using var host = await LinodeTestHost.StartAsync(options => options.Scope.Add(granted), features: LinodeTestHost.HostFeatures.None);
            using (await host.SignInAsync())
            {
            }

            using var response = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + path));

            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            Assert.Equal("/forbidden", response.Headers.Location!.AbsolutePath);
            Assert.Equal(missing, QueryHelpers.ParseQuery(response.Headers.Location.Query)["missing_scopes"].ToString());
        }
    }

    [Theory]
    [InlineData("/scoped/two-attribute")]
    [InlineData("/scoped/two-endpoint")]
    [InlineData("/scoped/two-policy")]
    public async Task Granting_both_or_a_wider_scope_passes(string path)
    {
        foreach (var granted in new[] { "linodes:read_only volumes:read_only", "linodes:*,volumes:read_write", "*" })
        {
            await using var host = await LinodeTestHost.StartAsync(options => options.Scope.Add(granted));
            using (await host.SignInAsync())
            {
            }

            Assert.Equal("two ok", await host.GetTextAsync(path));
        }
    }

    [Fact]
    public async Task Granting_neither_names_both_missing_scopes_in_order()
    {
        await using var host = await LinodeTestHost.StartAsync(options => options.Scope.Add("domains:read_only"), features: LinodeTestHost.HostFeatures.None);
        using (await host.SignInAsync())
        {
        }

        using var response = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/scoped/two-endpoint"));

        Assert.Equal("linodes:read_only,volumes:read_only", QueryHelpers.ParseQuery(response.Headers.Location!.Query)["missing_scopes"].ToString());
    }
}
