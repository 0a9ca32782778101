using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Tests.Revocation;

public sealed class SignOutRevocationTests
{
    private static async Task<LinodeEmulatorToken> SignInAsync(LinodeTestHost host)
    {
        using var response = await host.SignInAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single(host.Emulator.Tokens);
    }

    private static bool HasAuthCookie(LinodeTestHost host) =>
        host.Browser.Cookies.GetAllCookies().Any(cookie => cookie.Name == ".AspNetCore.Cookies" && !cookie.Expired);

    [Fact]
    public async Task Signing_out_of_the_cookie_revokes_the_token_at_Linode()
    {
        await using var host = await LinodeTestHost.StartAsync();
        var token = await SignInAsync(host);

        using var response = await host.SignOutAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var revoke = Assert.Single(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke));
        Assert.Equal("/oauth/revoke", revoke.Path);
        Assert.Equal(string.Empty, revoke.QueryString);
        Assert.Equal(["client_id", "client_secret", "token", "token_type_hint"], revoke.Form.Keys.Order());
        Assert.Equal(token.AccessToken, revoke.Form["token"]);
        Assert.Equal("access_token", revoke.Form["token_type_hint"]);
        Assert.Equal(LinodeEmulatorClient.DefaultClientId, revoke.Form["client_id"]);
        Assert.Equal(LinodeEmulatorClient.DefaultClientSecret, revoke.Form["client_secret"]);
        Assert.Matches(@"^Linode\.AspNetCore\.Authentication/", revoke.Headers["User-Agent"]);
        Assert.False(host.Emulator.IsAccessTokenActive(token.AccessToken));
        Assert.True(token.IsRefreshTokenDead);
        Assert.False(HasAuthCookie(host));
        var result = Assert.Single(host.Revocations);
        Assert.Equal(LinodeTokenRevocationOutcome.Revoked, result.Outcome);
        Assert.True(result.Succeeded);
        Assert.Equal(200, result.StatusCode);
        Assert.Contains(host.Logs.Linode, entry => entry.EventId.Id == 5010
            && entry.Message.StartsWith("Revoked the Linode token of scheme 'Linode' (HTTP 200).", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_revocation_never_fails_the_sign_out()
    {
        await using var host = await LinodeTestHost.StartAsync();
        var token = await SignInAsync(host);
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Revoke, LinodeEmulatorFault.Status(500, "{\"error\":\"server_error\"}"));

        using var response = await host.SignOutAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(HasAuthCookie(host));
        var result = Assert.Single(host.Revocations);
        Assert.Equal(LinodeTokenRevocationOutcome.Failed, result.Outcome);
        Assert.Equal(500, result.StatusCode);
        Assert.Equal("server_error", result.Error);
        Assert.True(host.Emulator.IsAccessTokenActive(token.AccessToken));
        Assert.Contains(host.Logs.Linode, entry => entry.EventId.Id == 5011);
    }

    [Fact]
    public async Task A_slow_revocation_is_abandoned_after_the_timeout_and_the_sign_out_completes()
    {
        await using var host = await LinodeTestHost.StartAsync(options => options.RevocationTimeout = TimeSpan.FromSeconds(3));
        await SignInAsync(host);
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Revoke, LinodeEmulatorFault.Slow(TimeSpan.FromMinutes(5)));

        var signOut = host.SignOutAsync();
        await Eventually.TrueAsync(() => host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke).Count == 1);
        host.Time.Advance(TimeSpan.FromSeconds(2.9));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        var stillWaitingBeforeTheTimeout = !signOut.IsCompleted;
        host.Time.Advance(TimeSpan.FromSeconds(0.2));
        using var response = await signOut.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.True(stillWaitingBeforeTheTimeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(HasAuthCookie(host));
        Assert.Equal(LinodeTokenRevocationOutcome.TimedOut, Assert.Single(host.Revocations).Outcome);
        Assert.Contains(host.Logs.Linode, entry => entry.EventId.Id == 5012);
    }

    [Fact]
    public async Task Revocation_can_be_turned_off()
    {
        await using var host = await LinodeTestHost.StartAsync(options => options.RevokeTokenOnSignOut = false);
        var token = await SignInAsync(host);

        using var response = await host.SignOutAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke));
        Assert.True(host.Emulator.IsAccessTokenActive(token.AccessToken));
        Assert.Empty(host.Revocations);
        var skipped = Assert.Single(host.Logs.Linode, entry => entry.EventId.Id == 5013);
        Assert.Equal("No Linode token revocation for scheme 'Linode': RevokeTokenOnSignOut is off.", skipped.Formatted);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Signing_in_again_revokes_the_previous_token_only_when_revocation_is_on(bool revokeTokenOnSignOut)
    {
        await using var host = await LinodeTestHost.StartAsync(options => options.RevokeTokenOnSignOut = revokeTokenOnSignOut);
        var first = await SignInAsync(host);

        using (await host.Browser.GetAsync(LinodeTestHost.AppBase + "/challenge/Linode"))
        {
        }

        Assert.Equal(2, host.Emulator.Tokens.Count);
        Assert.NotEqual(first.AccessToken, host.Emulator.Tokens[1].AccessToken);
        Assert.Equal(host.Emulator.Tokens[1].AccessToken, (await host.GetMeAsync()).Tokens["access_token"]);
        Assert.Equal(!revokeTokenOnSignOut, host.Emulator.IsAccessTokenActive(first.AccessToken));
        Assert.Equal(revokeTokenOnSignOut ? 1 : 0, host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke).Count);
    }

    [Fact]
    public async Task The_legacy_expire_endpoint_can_be_configured_and_gets_no_type_hint()
    {
        await using var host = await LinodeTestHost.StartAsync(options => options.RevocationEndpoint = LinodeDefaults.LegacyTokenExpirationEndpoint);
        var token = await SignInAsync(host);

        using var response = await host.SignOutAsync();

        var revoke = Assert.Single(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke));
        Assert.Equal("/oauth/token/expire", revoke.Path);
        Assert.Equal(["client_id", "client_secret", "token"], revoke.Form.Keys.Order());
        Assert.False(host.Emulator.IsAccessTokenActive(token.AccessToken));
    }

    [Fact]
    public async Task Without_saved_tokens_there_is_nothing_to_revoke()
    {
        await using var host = await LinodeTestHost.StartAsync(options => options.SaveTokens = false);
        await SignInAsync(host);

        using var response = await host.SignOutAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke));
        var result = Assert.Single(host.Revocations);
        Assert.Equal(LinodeTokenRevocationOutcome.Skipped, result.Outcome);
        Assert.False(result.Succeeded);
        Assert.Equal("no_token", result.Error);
        Assert.Contains(host.Logs.Linode, entry => entry.EventId.Id == 5013
            && entry.Message.StartsWith("No Linode token revocation for scheme 'Linode': no saved access token (is SaveTokens on?).", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cookie_ticket_that_Linode_did_not_issue_is_never_sent_to_Linode()
    {
        await using var host = await LinodeTestHost.StartAsync();
        using (await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, LinodeTestHost.AppBase + "/local-signin")))
        {
        }

        using var response = await host.SignOutAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke));
        Assert.Empty(host.Revocations);
    }

    [Fact]
    public async Task The_explicit_api_revokes_without_signing_out()
    {
        await using var host = await LinodeTestHost.StartAsync();
        var token = await SignInAsync(host);

        using var response = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, LinodeTestHost.AppBase + "/revoke"));

        Assert.Equal("Linode: Revoked (HTTP 200)", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.False(host.Emulator.IsAccessTokenActive(token.AccessToken));
        Assert.True(HasAuthCookie(host));
    }

    [Fact]
    public async Task The_explicit_api_says_skipped_for_a_user_who_is_not_signed_in_with_Linode()
    {
        await using var host = await LinodeTestHost.StartAsync();

        using var response = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, LinodeTestHost.AppBase + "/revoke"));

        Assert.Equal(": Skipped not_signed_in_with_linode", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Empty(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke));
    }

    [Fact]
    public async Task A_throwing_revocation_handler_is_logged_and_the_sign_out_goes_on()
    {
        await using var host = await LinodeTestHost.StartAsync(options => { });
        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<LinodeOptions>>().Get(LinodeDefaults.AuthenticationScheme);
        options.Events.OnTokenRevoked = _ => throw new InvalidOperationException("app bug");
        await SignInAsync(host);

        using var response = await host.SignOutAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(HasAuthCookie(host));
        Assert.Contains(host.Logs.Linode, entry => entry.EventId.Id == 5014);
    }
}
