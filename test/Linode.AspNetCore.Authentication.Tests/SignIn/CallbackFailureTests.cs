using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Linode.AspNetCore.Authentication.Tests.SignIn;

public sealed class CallbackFailureTests
{
    /// <summary>Starts a challenge and returns the state the app put on the authorize URL (the correlation cookie is kept).</summary>
    private static async Task<string> StartChallengeAsync(LinodeTestHost host)
    {
        using var response = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/me"));
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query)["state"].ToString();
    }

    private static async Task<(HttpResponseMessage Response, string Body)> CallbackAsync(LinodeTestHost host, string query)
    {
        var response = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/signin-linode" + query));
        return (response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task AssertNotSignedInAsync(LinodeTestHost host)
    {
        using var me = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/me"));
        Assert.Equal(HttpStatusCode.Found, me.StatusCode);
        Assert.Equal(LinodeTestHost.LoginHost, me.Headers.Location!.Host);
    }

    [Fact]
    public async Task Denied_consent_without_an_access_denied_path_is_a_403_sentence()
    {
        var emulator = LinodeTestHost.NewEmulator();
        emulator.Options.ConsentMode = LinodeEmulatorConsentMode.AutoDeny;
        await using var host = await LinodeTestHost.StartAsync(emulator: emulator);

        using var response = await host.SignInAsync();
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("access was denied", body, StringComparison.Ordinal);
        Assert.Equal("access_denied", Assert.Single(host.Failures).Data["error"]);
        Assert.Empty(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Token));
        await AssertNotSignedInAsync(host);
    }

    [Fact]
    public async Task Denied_consent_with_an_access_denied_path_redirects_there()
    {
        var emulator = LinodeTestHost.NewEmulator();
        emulator.Options.ConsentMode = LinodeEmulatorConsentMode.AutoDeny;
        await using var host = await LinodeTestHost.StartAsync(options => options.AccessDeniedPath = "/denied", emulator: emulator);

        using var response = await host.Browser.GetAsync(LinodeTestHost.AppBase + "/me", stopAt: uri => uri.AbsolutePath == "/denied");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/denied", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fme", response.Headers.Location.Query, StringComparison.Ordinal);
        Assert.Empty(host.Failures);
    }

    [Fact]
    public async Task Another_error_from_Linode_is_a_400_that_names_the_code()
    {
        await using var host = await LinodeTestHost.StartAsync();
        var state = await StartChallengeAsync(host);

        var (response, body) = await CallbackAsync(host, "?error=server_error&error_description=Login+is+down&state=" + Uri.EscapeDataString(state));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'server_error'", body, StringComparison.Ordinal);
        Assert.Equal("Login is down", Assert.Single(host.Failures).Data["error_description"]);
    }

    [Fact]
    public async Task An_error_code_that_is_not_a_code_is_not_echoed()
    {
        await using var host = await LinodeTestHost.StartAsync();
        var state = await StartChallengeAsync(host);

        var (response, body) = await CallbackAsync(host, "?error=%3Cscript%3Ealert(1)%3C%2Fscript%3E&state=" + Uri.EscapeDataString(state));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("?code=0123456789abcdef0123&state=forged")]
    [InlineData("?code=0123456789abcdef0123")]
    [InlineData("")]
    public async Task A_forged_or_missing_state_is_a_400_without_a_token_request(string query)
    {
        await using var host = await LinodeTestHost.StartAsync();
        await StartChallengeAsync(host);

        var (response, body) = await CallbackAsync(host, query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("state was missing or invalid", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.Empty(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Token));
    }

    [Theory]
    [InlineData(true, "?code=0123456789abcdef0123", "Correlation failed")]
    [InlineData(false, "", "Code was not found")]
    public async Task A_callback_without_the_correlation_cookie_or_without_a_code_fails_without_a_token_request(bool dropCookies, string query, string reason)
    {
        await using var host = await LinodeTestHost.StartAsync();
        var state = await StartChallengeAsync(host);
        if (dropCookies)
        {
            host.Browser.Cookies.GetAllCookies().ToList().ForEach(cookie => cookie.Expired = true);
        }

        var (response, body) = await CallbackAsync(host, (query.Length == 0 ? "?" : query + "&") + "state=" + Uri.EscapeDataString(state));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, body, StringComparison.Ordinal);
        Assert.Empty(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Token));
    }

    [Fact]
    public async Task A_replayed_callback_is_rejected_and_never_reaches_Linode()
    {
        await using var host = await LinodeTestHost.StartAsync();
        using (await host.SignInAsync())
        {
        }

        var callback = Assert.Single(host.Browser.History, hop => hop.Uri.AbsolutePath == "/signin-linode").Uri;

        var (response, body) = await CallbackAsync(host, callback.Query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Correlation failed", body, StringComparison.Ordinal);
        Assert.Single(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Token));
    }

    [Fact]
    public async Task A_reused_code_is_refused_by_Linode_and_kills_the_first_token()
    {
        await using var host = await LinodeTestHost.StartAsync();
        using (await host.SignInAsync())
        {
        }

        var firstToken = Assert.Single(host.Emulator.Tokens);
        var usedCode = QueryHelpers.ParseQuery(host.Browser.History.Single(hop => hop.Uri.AbsolutePath == "/signin-linode").Uri.Query)["code"].ToString();
        host.Browser.Cookies.GetAllCookies().ToList().ForEach(cookie => cookie.Expired = true);
        var state = await StartChallengeAsync(host);

        var (response, body) = await CallbackAsync(host, $"?code={usedCode}&state={Uri.EscapeDataString(state)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_grant", body, StringComparison.Ordinal);
        Assert.Equal(400, Assert.Single(host.Failures).Data["status"]);
        Assert.True(firstToken.IsRevoked);
        Assert.False(host.Emulator.IsAccessTokenActive(firstToken.AccessToken));
    }
}
