using System.Net.Http.Json;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Tests.Tokens;

/// <summary>The edges of automatic refresh a user relies on: the exact window, a response that does not name scopes, the
/// token type kept, the failure's status.</summary>
public sealed class RefreshEdgeTests
{
    private static int RefreshCalls(LinodeTestHost host) =>
        host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Token).Count(request => request.Form["grant_type"] == "refresh_token");

    [Fact]
    public async Task The_window_is_inclusive_to_the_tick()
    {
        var (host, _) = await TokenRefreshTests.SignedInAsync();
        await using var _ = host;

        host.Time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        await host.GetMeAsync();
        Assert.Equal(0, RefreshCalls(host));

        host.Time.Advance(TimeSpan.FromTicks(1));
        await host.GetMeAsync();
        Assert.Equal(1, RefreshCalls(host));
    }

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

    [Fact]
    public async Task An_OnTokenRefreshed_handler_that_throws_does_not_undo_the_refresh_and_is_logged()
    {
        await using var host = await LinodeTestHost.StartAsync(addSchemes: (authentication, test) => authentication.AddLinode(options =>
        {
            options.AutomaticTokenRefresh = true;
            test.Instrument(options);
            options.Events.OnTokenRefreshed = _ => throw new InvalidOperationException("the app's handler failed");
        }));
        using (await host.SignInAsync())
        {
        }

        host.Time.Advance(TokenRefreshTests.Due);
        var me = await host.GetMeAsync();

        Assert.Equal(1, RefreshCalls(host));
        Assert.Equal(host.Emulator.Tokens[1].AccessToken, me.Tokens["access_token"]);
        var log = Assert.Single(host.Logs.Linode, entry => entry.EventId.Id == 5024);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, log.Level);
        Assert.StartsWith("An OnTokenRefreshed handler of scheme 'Linode' threw.", log.Message, StringComparison.Ordinal);
        Assert.Contains("the app's handler failed", log.Exception, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_due_token_without_a_saved_refresh_token_is_left_alone_and_logged()
    {
        var (host, first) = await TokenRefreshTests.SignedInAsync(options => options.Events.OnCreatingTicket = context =>
        {
            context.Properties.StoreTokens(context.Properties.GetTokens().Where(token => token.Name != "refresh_token").ToList());
            return Task.CompletedTask;
        });
        await using var _ = host;
        host.Time.Advance(TokenRefreshTests.Due);

        var me = await host.GetMeAsync();

        Assert.Equal(0, RefreshCalls(host));
        Assert.Empty(host.Refreshes);
        Assert.Equal(first.AccessToken, me.Tokens["access_token"]);
        var log = Assert.Single(host.Logs.Linode, entry => entry.EventId.Id == 5023);
        Assert.StartsWith("The Linode tokens of scheme 'Linode' are due for refresh but no refresh token was saved.", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_refresh_reports_Linodes_status()
    {
        var (host, _) = await TokenRefreshTests.SignedInAsync();
        await using var _ = host;
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(502), times: 1);
        host.Time.Advance(TokenRefreshTests.Due);

        await host.GetMeAsync();

        var result = Assert.Single(host.Refreshes);
        Assert.Equal(502, result.StatusCode);
        Assert.Equal("Linode: Failed (HTTP 502)", result.ToString());
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

    [Theory]
    [InlineData(null, "none")]
    [InlineData("{\"error\":\"server_error\"}", "server_error")]
    public async Task A_failed_refresh_is_logged_with_Linodes_error_code_or_none(string? body, string loggedCode)
    {
        var (host, _) = await TokenRefreshTests.SignedInAsync();
        await using var _ = host;
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(503, body), times: 1);
        host.Time.Advance(TokenRefreshTests.Due);

        await host.GetMeAsync();

        var log = Assert.Single(host.Logs.Linode, entry => entry.EventId.Id == 5022);
        Assert.Equal($"Refreshing the Linode tokens of scheme 'Linode' failed (HTTP 503, error code '{loggedCode}'); the session is kept and a later request retries.", log.Formatted);
    }

    [Fact]
    public void Refreshed_tokens_need_an_outcome_and_a_synchronization_needs_a_refresh_to_run()
    {
        Assert.Throws<ArgumentNullException>("result", () => new LinodeRefreshedTokens(null!, null, null, null, null));

        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddAuthentication().AddLinode();
        using var provider = services.BuildServiceProvider();
        var synchronization = provider.GetRequiredService<ILinodeTokenRefreshSynchronization>();
        Assert.Throws<ArgumentNullException>("refresh", () => { _ = synchronization.RefreshOnceAsync("Linode", "key", null!); });
    }
}
