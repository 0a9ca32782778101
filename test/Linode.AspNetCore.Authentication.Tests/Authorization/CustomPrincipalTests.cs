using System.Security.Claims;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Tests.Authorization;

/// <summary>Scope requirements hold for principals an app builds itself, whose identities and claims are computed on
/// demand rather than kept in lists (both are virtual in .NET): the scopes are found in any identity, and a principal
/// without them is refused.</summary>
public sealed class CustomPrincipalTests
{
    private sealed class ComputedIdentity(params Claim[] claims) : ClaimsIdentity(claims, "app")
    {
        public override IEnumerable<Claim> Claims => Enumerate(base.Claims);
    }

    private sealed class ComputedPrincipal(params ClaimsIdentity[] identities) : ClaimsPrincipal(identities)
    {
        public override IEnumerable<ClaimsIdentity> Identities => Enumerate(base.Identities);
    }

    private static IEnumerable<T> Enumerate<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            yield return item;
        }
    }

    private static async Task<bool> AuthorizeAsync(ClaimsPrincipal user, params string[] scopes)
    {
        await using var host = await LinodeTestHost.StartAsync();
        var policy = new AuthorizationPolicyBuilder().RequireLinodeScope(scopes).Build();
        var result = await host.Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, resource: null, policy);
        return result.Succeeded;
    }

    [Fact]
    public async Task Scopes_held_by_a_later_identity_of_a_computed_principal_are_found()
    {
        var user = new ComputedPrincipal(
            new ComputedIdentity(new Claim(ClaimTypes.Name, "someone")),
            new ComputedIdentity(new Claim("other", LinodeScopes.Volumes.ReadOnly), new Claim(LinodeClaimTypes.Scope, LinodeScopes.Volumes.ReadWrite)));

        Assert.True(await AuthorizeAsync(user, LinodeScopes.Volumes.ReadOnly));
    }

    [Fact]
    public async Task A_computed_principal_without_the_scope_is_refused()
    {
        var user = new ComputedPrincipal(
            new ComputedIdentity(new Claim(LinodeClaimTypes.Scope, LinodeScopes.Linodes.ReadWrite)),
            new ComputedIdentity(new Claim("other", LinodeScopes.Volumes.ReadOnly)));

        Assert.False(await AuthorizeAsync(user, LinodeScopes.Volumes.ReadOnly));
    }

    [Fact]
    public async Task A_computed_principal_needs_every_scope_of_the_requirement()
    {
        var user = new ComputedPrincipal(
            new ComputedIdentity(new Claim(LinodeClaimTypes.Scope, LinodeScopes.Linodes.ReadOnly)),
            new ComputedIdentity(new Claim(LinodeClaimTypes.Scope, LinodeScopes.Volumes.ReadOnly)));

        Assert.True(await AuthorizeAsync(user, LinodeScopes.Linodes.ReadOnly, LinodeScopes.Volumes.ReadOnly));
        Assert.False(await AuthorizeAsync(user, LinodeScopes.Linodes.ReadOnly, LinodeScopes.Domains.ReadOnly));
    }
}
