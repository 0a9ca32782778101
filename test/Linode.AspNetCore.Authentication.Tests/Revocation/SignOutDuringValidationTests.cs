using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Tests.Revocation;

/// <summary>
/// Microsoft documents rejecting a principal and signing out from the cookie's OnValidatePrincipal. The revocation hook
/// must not re-enter the cookie's authentication there (that would await itself), and must still revoke.
/// </summary>
public sealed class SignOutDuringValidationTests
{
    [Fact]
    public async Task Signing_out_inside_OnValidatePrincipal_revokes_without_deadlocking()
    {
        var reject = false;
        await using var host = await LinodeTestHost.StartAsync(addSchemes: (authentication, test) =>
        {
            authentication.AddLinode(test.Instrument);
            authentication.Services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, options =>
                options.Events.OnValidatePrincipal = async context =>
                {
                    if (reject)
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                });
        });
        using (await host.SignInAsync())
        {
        }

        var token = Assert.Single(host.Emulator.Tokens);
        reject = true;

        var request = host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/me"));
        using var response = await request.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.False(host.Emulator.IsAccessTokenActive(token.AccessToken));
        Assert.Equal(LinodeTokenRevocationOutcome.Revoked, Assert.Single(host.Revocations).Outcome);
    }
}
