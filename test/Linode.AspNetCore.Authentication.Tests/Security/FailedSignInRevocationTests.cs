using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication.Tests.Security;

/// <summary>
/// Whenever the handler holds a token Linode just issued and the sign-in does not complete, it revokes that token
/// (best effort, bounded, like sign-out): no live token is left with no cookie holding it.
/// </summary>
public sealed class FailedSignInRevocationTests
{
    private static void AssertIssuedTokenRevoked(LinodeTestHost host)
    {
        var token = Assert.Single(host.Emulator.Tokens);
        Assert.False(host.Emulator.IsAccessTokenActive(token.AccessToken));
        Assert.True(token.IsRefreshTokenDead);
        var revoke = Assert.Single(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke));
        Assert.Equal(token.AccessToken, revoke.Form["token"]);
        Assert.Equal(LinodeEmulatorClient.DefaultClientSecret, revoke.Form["client_secret"]);
        Assert.Equal(LinodeTokenRevocationOutcome.Revoked, Assert.Single(host.Revocations).Outcome);
        var log = Assert.Single(host.Logs.Linode, entry => entry.EventId.Id == 5031);
        Assert.Equal(LogLevel.Information, log.Level);
        Assert.StartsWith("A sign-in with scheme 'Linode' did not complete after Linode issued a token; revoking that token.", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_required_scopes_revoke_the_token_just_issued()
    {
        var emulator = LinodeTestHost.NewEmulator();
        emulator.Options.GrantedScopes = [LinodeScopes.Linodes.ReadOnly];
        await using var host = await LinodeTestHost.StartAsync(options => options.RequiredScopes.Add(LinodeScopes.Linodes.ReadWrite), emulator: emulator);

        using var response = await host.SignInAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertIssuedTokenRevoked(host);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(500)]
    public async Task A_profile_failure_after_the_exchange_revokes_the_token(int status)
    {
        var emulator = LinodeTestHost.NewEmulator();
        emulator.Faults.Add(LinodeEmulatorEndpoint.Profile, LinodeEmulatorFault.Status(status));
        await using var host = await LinodeTestHost.StartAsync(emulator: emulator);

        using var response = await host.SignInAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertIssuedTokenRevoked(host);
    }

    [Fact]
    public async Task A_throwing_OnCreatingTicket_revokes_the_token()
    {
        await using var host = await LinodeTestHost.StartAsync(options => options.Events.OnCreatingTicket = _ => throw new InvalidOperationException("app bug"));

        using var response = await host.SignInAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertIssuedTokenRevoked(host);
    }

    [Fact]
    public async Task A_failure_after_the_session_cookie_was_written_answers_the_page_without_that_cookie_and_counts_a_failed_sign_in()
    {
        await using var host = await LinodeTestHost.StartAsync(addSchemes: (authentication, test) =>
        {
            authentication.Services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
                cookie.Events.OnSignedIn = _ => throw new InvalidOperationException("app bug after the cookie was written"));
            authentication.AddLinode(test.Instrument);
        });
        using var signIns = SignInCounter.Listen(host.Services);

        using var response = await host.SignInAsync();
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Sign-in with Linode failed. The sign-in could not be completed.\n", body);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain(host.Browser.Cookies.GetAllCookies(), cookie => cookie.Name == ".AspNetCore.Cookies" && !cookie.Expired);
        Assert.Equal("failed", (await SignInCounter.SingleAsync(signIns)).Tags["linode.outcome"]);
        var failure = Assert.Single(host.Failures);
        Assert.Equal("The sign-in could not be completed.", failure.Message);
        Assert.Equal("app bug after the cookie was written", failure.InnerException!.Message);
        AssertIssuedTokenRevoked(host);
    }

    [Fact]
    public async Task An_app_failure_handler_that_throws_runs_once_its_exception_surfaces_and_the_sign_in_counts_as_failed()
    {
        var calls = 0;
        await using var host = await LinodeTestHost.StartAsync(options => options.Events.OnRemoteFailure = _ =>
        {
            calls++;
            throw new InvalidOperationException("app failure handler bug");
        });
        using var signIns = SignInCounter.Listen(host.Services);

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => host.Browser.GetAsync(LinodeTestHost.AppBase + "/signin-linode?code=forged&state=forged"));

        Assert.Equal("app failure handler bug", exception.Message);
        Assert.Equal(1, calls);
        Assert.Equal("failed", (await SignInCounter.SingleAsync(signIns)).Tags["linode.outcome"]);
        Assert.Empty(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Token));
        Assert.Empty(host.Revocations);
    }

    [Fact]
    public async Task A_failure_after_the_ticket_was_made_revokes_the_token_and_answers_a_page_not_a_500()
    {
        await using var host = await LinodeTestHost.StartAsync(options => options.Events.OnTicketReceived = _ => throw new InvalidOperationException("app bug after the exchange"));

        using var response = await host.SignInAsync();
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Sign-in with Linode failed. The sign-in could not be completed.\n", body);
        Assert.DoesNotContain(host.Browser.Cookies.GetAllCookies(), cookie => cookie.Name == ".AspNetCore.Cookies" && !cookie.Expired);
        AssertIssuedTokenRevoked(host);
    }

    [Fact]
    public async Task An_app_failure_handler_that_does_not_handle_gets_the_apps_exception_once_and_the_token_is_revoked()
    {
        var failures = new List<Exception?>();
        await using var host = await LinodeTestHost.StartAsync(options =>
        {
            options.Events.OnTicketReceived = _ => throw new InvalidOperationException("app bug after the exchange");
            options.Events.OnRemoteFailure = context =>
            {
                failures.Add(context.Failure);
                return Task.CompletedTask;
            };
        });

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => host.SignInAsync());

        Assert.Equal("app bug after the exchange", exception.Message);
        var failure = Assert.Single(failures);
        Assert.Equal("sign_in_failed", failure!.Data["error"]);
        Assert.Same(exception, failure.InnerException);
        AssertIssuedTokenRevoked(host);
    }

    [Fact]
    public async Task A_forged_callback_left_unhandled_by_the_app_fails_as_in_any_remote_handler_with_one_failure_event()
    {
        var failures = new List<Exception?>();
        await using var host = await LinodeTestHost.StartAsync(options => options.Events.OnRemoteFailure = context =>
        {
            failures.Add(context.Failure);
            return Task.CompletedTask;
        });

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => host.Browser.GetAsync(LinodeTestHost.AppBase + "/signin-linode?code=forged&state=forged"));

        Assert.IsType<Microsoft.AspNetCore.Authentication.AuthenticationFailureException>(exception);
        Assert.Single(failures);
        Assert.Empty(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Token));
        Assert.Empty(host.Revocations);
    }

    [Fact]
    public async Task A_failed_exchange_has_no_token_to_revoke()
    {
        var emulator = LinodeTestHost.NewEmulator();
        emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(400, "{\"error\":\"invalid_grant\"}"));
        await using var host = await LinodeTestHost.StartAsync(emulator: emulator);

        using var response = await host.SignInAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke));
        Assert.Empty(host.Revocations);
    }

    [Fact]
    public async Task A_completed_sign_in_revokes_nothing()
    {
        await using var host = await LinodeTestHost.StartAsync();

        await host.GetMeAsync();

        Assert.Empty(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke));
        Assert.True(host.Emulator.IsAccessTokenActive(Assert.Single(host.Emulator.Tokens).AccessToken));
        Assert.DoesNotContain(host.Logs.Linode, entry => entry.EventId.Id == 5031);
    }
}
