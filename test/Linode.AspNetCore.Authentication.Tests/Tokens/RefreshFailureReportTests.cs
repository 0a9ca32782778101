using System.Net.Http.Json;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Tests.Tokens;

/// <summary>A refresh that cannot run or fails: what is reported and logged (Linode's status and error code), and that the session and an app's failing event handler never undo a refresh.</summary>
public sealed class RefreshFailureReportTests
{
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

        Assert.Equal(0, TokenRefreshTests.RefreshGrants(host));
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

        Assert.Equal(1, TokenRefreshTests.RefreshGrants(host));
        Assert.Equal(host.Emulator.Tokens[1].AccessToken, me.Tokens["access_token"]);
        var log = Assert.Single(host.Logs.Linode, entry => entry.EventId.Id == 5024);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, log.Level);
        Assert.StartsWith("An OnTokenRefreshed handler of scheme 'Linode' threw.", log.Message, StringComparison.Ordinal);
        Assert.Contains("the app's handler failed", log.Exception, StringComparison.Ordinal);
    }
}
