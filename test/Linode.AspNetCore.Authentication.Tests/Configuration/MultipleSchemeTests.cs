using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Tests.Configuration;

public sealed class MultipleSchemeTests
{
    private const string WorkClientId = "fedcba9876543210fedc";
    private const string WorkSecret = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

    [Fact]
    public async Task Two_schemes_on_one_callback_path_are_refused_at_start_up_naming_both()
    {
        var exception = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => LinodeTestHost.StartAsync(addSchemes: (authentication, _) => authentication
            .AddLinode("LinodePersonal", options => { options.ClientId = "a"; options.ClientSecret = "b"; })
            .AddLinode("LinodeWork", options => { options.ClientId = "c"; options.ClientSecret = "d"; })));

        Assert.Contains("The Linode schemes 'LinodePersonal' and 'LinodeWork' share the callback path '/signin-linode'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Authentication:Schemes:LinodeWork:CallbackPath", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("= '/signin-linode-linodework', and register that URL with its OAuth client.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_schemes_with_their_own_paths_sign_in_and_revoke_with_their_own_client()
    {
        var emulator = LinodeTestHost.NewEmulator();
        emulator.Options.Clients.Add(new LinodeEmulatorClient(WorkClientId, WorkSecret, "https://app.test/signin-linode-work", "Work app"));
        await using var host = await LinodeTestHost.StartAsync(emulator: emulator, addSchemes: (authentication, test) => authentication
            .AddLinode(test.Instrument)
            .AddLinode("LinodeWork", "Linode (work)", options =>
            {
                options.ClientId = WorkClientId;
                options.ClientSecret = WorkSecret;
                options.CallbackPath = "/signin-linode-work";
                test.Instrument(options);
            }));

        using var response = await host.Browser.GetAsync(LinodeTestHost.AppBase + "/challenge/LinodeWork");
        var me = await host.GetMeAsync();
        using var signOut = await host.SignOutAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("LinodeWork", me.Scheme);
        Assert.All(me.Claims, claim => Assert.Equal("LinodeWork", claim.Issuer));
        Assert.Equal(WorkClientId, Assert.Single(emulator.RequestsTo(LinodeEmulatorEndpoint.Token)).Form["client_id"]);
        var revoke = Assert.Single(emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke));
        Assert.Equal(WorkClientId, revoke.Form["client_id"]);
        Assert.Equal(WorkSecret, revoke.Form["client_secret"]);
        Assert.Equal("LinodeWork", Assert.Single(host.Revocations).Scheme);
    }
}
