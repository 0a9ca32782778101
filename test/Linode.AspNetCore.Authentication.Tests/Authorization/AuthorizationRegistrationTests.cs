using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Tests.Authorization;

/// <summary>
/// The scope-authorization API outside a request: registration methods check their arguments, a requirement needs a
/// scope and describes itself (as authorization failures and diagnostics show it), and <c>AddLinodeStepUpConsent()</c>
/// brings authorization and puts the step-up result handler in place.
/// </summary>
public sealed class AuthorizationRegistrationTests
{
    [Fact]
    public void The_registration_methods_check_their_arguments()
    {
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => ((AuthorizationPolicyBuilder)null!).RequireLinodeScope(LinodeScopes.Linodes.ReadOnly)).ParamName);
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => ((AuthorizationPolicyBuilder)null!).RequireLinodeScope(stepUp: true, LinodeScopes.Linodes.ReadOnly)).ParamName);
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => ((RouteHandlerBuilder)null!).RequireLinodeScope(stepUp: true, LinodeScopes.Linodes.ReadOnly)).ParamName);
        Assert.Equal("scopes", Assert.Throws<ArgumentNullException>(() => new LinodeScopeAttribute(null!)).ParamName);
        Assert.Equal("scopes", Assert.Throws<ArgumentNullException>(() => new LinodeScopeRequirement(null!)).ParamName);
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddLinodeStepUpConsent()).ParamName);
    }

    [Fact]
    public void A_requirement_needs_at_least_one_scope()
    {
        var exception = Assert.Throws<ArgumentException>(() => new LinodeScopeRequirement([" ", ","]));

        Assert.Equal("scopes", exception.ParamName);
        Assert.StartsWith("A Linode scope requirement needs at least one scope.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_requirement_describes_its_scopes_and_step_up()
    {
        Assert.Equal("Linode scopes linodes:read_write,volumes:read_only", new LinodeScopeRequirement([LinodeScopes.Linodes.ReadWrite, LinodeScopes.Volumes.ReadOnly]).ToString());
        Assert.Equal("Linode scopes linodes:read_write (step-up)", new LinodeScopeRequirement([LinodeScopes.Linodes.ReadWrite], stepUp: true).ToString());
    }

    [Fact]
    public void Step_up_consent_brings_authorization_and_replaces_the_result_handler()
    {
        var services = new ServiceCollection().AddLinodeStepUpConsent();

        Assert.Contains(services, descriptor => descriptor.ServiceType == typeof(IAuthorizationService));
        var handler = Assert.Single(services, descriptor => descriptor.ServiceType == typeof(Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler));
        Assert.Equal("LinodeStepUpResultHandler", handler.ImplementationType!.Name);
        Assert.Equal(ServiceLifetime.Singleton, handler.Lifetime);
    }

    [Fact]
    public async Task The_revoker_checks_its_arguments()
    {
        await using var host = await LinodeTestHost.StartAsync();
        var revoker = host.Services.GetRequiredService<ILinodeTokenRevoker>();

        Assert.Equal("context", (await Assert.ThrowsAsync<ArgumentNullException>(() => revoker.RevokeAsync(null!, "Linode", "token", TestContext.Current.CancellationToken))).ParamName);
        Assert.Equal("scheme", (await Assert.ThrowsAsync<ArgumentException>(() => revoker.RevokeAsync(new DefaultHttpContext { RequestServices = host.Services }, string.Empty, "token", TestContext.Current.CancellationToken))).ParamName);
        Assert.Empty(host.Revocations);
    }
}
