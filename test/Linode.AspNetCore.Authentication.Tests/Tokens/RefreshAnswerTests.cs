using System.Net.Http.Json;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Tests.Tokens;

/// <summary>What a refresh answer changes in the session: the tokens replaced or kept, the token type, the scope claims, their issuer and the identity they go to.</summary>
public sealed class RefreshAnswerTests
{
    [Fact]
    public async Task A_refresh_answer_without_scopes_keeps_the_users_scope_claims_and_stores_the_token_type()
    {
        var (host, _) = await TokenRefreshTests.SignedInAsync(options => options.Scope.Add(LinodeScopes.Linodes.ReadOnly));
        await using var _ = host;
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(
            200, "{\"access_token\":\"" + new string('c', 64) + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"" + new string('d', 64) + "\"}"), times: 1);
        host.Time.Advance(TokenRefreshTests.Due);

        var me = await host.GetMeAsync();

        Assert.Equal(new string('c', 64), me.Tokens["access_token"]);
        Assert.Equal(new string('d', 64), me.Tokens["refresh_token"]);
        Assert.Equal("Bearer", me.Tokens["token_type"]);
        Assert.Equal(["linodes:read_only"], me.ValuesOf(LinodeClaimTypes.Scope));
        Assert.Equal(host.Time.GetUtcNow().AddSeconds(3600), DateTimeOffset.Parse(me.Tokens["expires_at"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(",\"refresh_token\":\"\"")]
    [InlineData("")]
    public async Task A_refresh_answer_without_a_new_refresh_token_keeps_the_saved_one(string refreshTokenField)
    {
        var (host, first) = await TokenRefreshTests.SignedInAsync();
        await using var _ = host;
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(
            200, "{\"access_token\":\"" + new string('e', 64) + "\",\"token_type\":\"bearer\",\"expires_in\":3600" + refreshTokenField + "}"), times: 1);
        host.Time.Advance(TokenRefreshTests.Due + TimeSpan.FromMilliseconds(123.4567));

        var me = await host.GetMeAsync();

        Assert.Equal(new string('e', 64), me.Tokens["access_token"]);
        Assert.Equal(first.RefreshToken, me.Tokens["refresh_token"]);
        Assert.Equal((host.Time.GetUtcNow().AddSeconds(3600)).ToString("o", System.Globalization.CultureInfo.InvariantCulture), me.Tokens["expires_at"]);
    }

    [Theory]
    [InlineData(null, "Linode")]
    [InlineData("https://login.linode.com", "https://login.linode.com")]
    public async Task Scope_claims_replaced_on_refresh_carry_the_schemes_issuer(string? claimsIssuer, string expectedIssuer)
    {
        var (host, _) = await TokenRefreshTests.SignedInAsync(options =>
        {
            options.Scope.Add(LinodeScopes.Linodes.ReadOnly);
            options.ClaimsIssuer = claimsIssuer;
        });
        await using var _ = host;
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(
            200, "{\"access_token\":\"" + new string('f', 64) + "\",\"token_type\":\"bearer\",\"expires_in\":7200,\"scopes\":\"events:read_only\"}"), times: 1);
        host.Time.Advance(TokenRefreshTests.Due);

        var me = await host.GetMeAsync();

        var scope = Assert.Single(me.Claims, claim => claim.Type == LinodeClaimTypes.Scope);
        Assert.Equal("events:read_only", scope.Value);
        Assert.Equal(expectedIssuer, scope.Issuer);
        Assert.Equal(expectedIssuer, Assert.Single(me.Claims, claim => claim.Type == System.Security.Claims.ClaimTypes.Name).Issuer);
    }

    [Fact]
    public async Task Refreshed_scopes_go_to_the_signed_in_identity_even_when_the_app_put_another_identity_first()
    {
        // Only possible with RequireAuthenticatedSignIn off: by default ASP.NET Core refuses a principal whose first
        // identity is not authenticated.
        await using var host = await LinodeTestHost.StartAsync(addSchemes: (authentication, test) =>
        {
            authentication.Services.Configure<AuthenticationOptions>(options => options.RequireAuthenticatedSignIn = false);
            authentication.AddLinode(options =>
            {
                options.AutomaticTokenRefresh = true;
                options.Scope.Add(LinodeScopes.Linodes.ReadOnly);
                test.Instrument(options);
                options.Events.OnCreatingTicket = context =>
                {
                    context.Principal = new System.Security.Claims.ClaimsPrincipal([new System.Security.Claims.ClaimsIdentity(), context.Identity!]);
                    return Task.CompletedTask;
                };
            });
        });
        using (await host.SignInAsync())
        {
        }

        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(
            200, "{\"access_token\":\"" + new string('g', 64) + "\",\"token_type\":\"bearer\",\"expires_in\":7200,\"scopes\":\"linodes:read_write\"}"), times: 1);
        host.Time.Advance(TokenRefreshTests.Due);

        using var response = await host.Browser.GetAsync(LinodeTestHost.AppBase + "/identities");
        var identities = await response.Content.ReadFromJsonAsync<List<LinodeTestHost.IdentityRow>>(TestContext.Current.CancellationToken);

        Assert.Equal(2, identities!.Count);
        Assert.False(identities[0].IsAuthenticated);
        Assert.Empty(identities[0].Scopes);
        Assert.True(identities[1].IsAuthenticated);
        Assert.Equal(["linodes:read_write"], identities[1].Scopes);
        Assert.Equal(LinodeTokenRefreshOutcome.Refreshed, Assert.Single(host.Refreshes).Outcome);
    }
}
