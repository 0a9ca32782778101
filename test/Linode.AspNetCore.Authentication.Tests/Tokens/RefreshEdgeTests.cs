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
}
