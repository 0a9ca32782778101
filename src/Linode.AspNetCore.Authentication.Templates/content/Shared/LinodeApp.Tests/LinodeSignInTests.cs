using System.Net;
using System.Text.RegularExpressions;
using Linode.AspNetCore.Authentication;
using Linode.AspNetCore.Authentication.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace LinodeApp.Tests;

/// <summary>
/// The app against Linode's emulator on a loopback port (no network, no Linode account): the scopes it asks, a sign-in
/// that reaches the scope-protected page and its API call as the user, a user who did not grant the scope, and a
/// sign-out that needs the page's anti-forgery token and revokes the token at Linode.
/// </summary>
public sealed partial class LinodeSignInTests : IAsyncLifetime
{
    private LinodeEmulatorServer _server = null!;
    private WebApplicationFactory<Program> _factory = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private LinodeEmulator Emulator => _server.Emulator;

    public async ValueTask InitializeAsync()
    {
        _server = await LinodeEmulatorServer.StartAsync(new LinodeEmulator(), cancellationToken: Cancel);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder.UseLinodeEmulator(_server));
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task An_anonymous_visit_to_the_Linodes_page_is_sent_to_Linode_for_the_configured_scopes()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/linodes", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(_server.Endpoints.Authorization, new Uri(location.GetLeftPart(UriPartial.Path)));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(LinodeEmulatorClient.DefaultClientId, query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        var configured = _factory.Services.GetRequiredService<IOptionsMonitor<LinodeOptions>>().Get(LinodeDefaults.AuthenticationScheme).Scope;
        Assert.NotEmpty(configured);
        Assert.Equal(configured.Order(), query["scope"].ToString().Split(',').Order());
    }

    [Fact]
    public async Task A_signed_in_user_sees_their_Linodes_read_with_their_own_token()
    {
        using var browser = NewBrowser();

        using var page = await browser.SignInWithLinodeAsync("/linodes", username: "exampleUser", grantedScopes: [LinodeScopes.Linodes.ReadOnly], cancellationToken: Cancel);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("<span id=\"user-name\">exampleUser</span>", html);
        var seeded = Emulator.Options.Users.Single(user => user.Username == "exampleUser").Instances;
        Assert.NotEmpty(seeded);
        Assert.All(seeded, linode => Assert.Contains($"<li>{linode.Label} ({linode.Region}, ", html));

        // The page's call reached Linode's API with the user's access token, not the app's credentials.
        var call = Assert.Single(Emulator.RequestsTo(LinodeEmulatorEndpoint.LinodeInstances));
        Assert.Equal("GET", call.Method);
        Assert.Equal($"Bearer {Emulator.Tokens.Single().AccessToken}", call.Headers["Authorization"]);
    }

    [Fact]
    public async Task A_user_who_did_not_grant_linodes_read_only_is_shown_the_access_denied_page_and_Linode_is_not_called()
    {
        using var browser = NewBrowser();

        using var page = await browser.SignInWithLinodeAsync("/linodes", grantedScopes: [LinodeScopes.Account.ReadOnly], cancellationToken: Cancel);

        var html = await page.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("id=\"access-denied\"", html);
        Assert.Contains(LinodeScopes.Linodes.ReadOnly, html);
        Assert.Empty(Emulator.RequestsTo(LinodeEmulatorEndpoint.LinodeInstances));
    }

    [Fact]
    public async Task Signing_out_needs_the_page_form_and_revokes_the_token_at_Linode()
    {
        using var browser = NewBrowser();
        using var signedIn = await browser.SignInWithLinodeAsync("/linodes", cancellationToken: Cancel);
        var html = await signedIn.Content.ReadAsStringAsync(Cancel);
        var accessToken = Emulator.Tokens.Single().AccessToken;

        // Another site's form (no anti-forgery token) changes nothing.
        using (var forged = await browser.PostFormAsync("/Account/SignOut", [], Cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.True(Emulator.IsAccessTokenActive(accessToken));

        // The page's own form: the session ends and the token is revoked at Linode, with the app's credentials in the body.
        var field = AntiforgeryField().Match(html);
        Assert.True(field.Success, "The page has no sign-out form with an anti-forgery token.");
        using (var signedOut = await browser.PostFormAsync("/Account/SignOut", [KeyValuePair.Create(field.Groups[1].Value, WebUtility.HtmlDecode(field.Groups[2].Value))], Cancel))
        {
            Assert.True(signedOut.IsSuccessStatusCode, $"Sign-out answered {signedOut.StatusCode}.");
        }

        Assert.False(Emulator.IsAccessTokenActive(accessToken));
        var revocation = Assert.Single(Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke));
        Assert.Equal(LinodeEmulatorClient.DefaultClientId, revocation.Form["client_id"]);
        Assert.DoesNotContain("client_secret", revocation.QueryString, StringComparison.Ordinal);

        // The old session is gone: the protected page asks Linode again.
        using var again = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/linodes"), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(_server.Endpoints.Authorization, new Uri(again.Headers.Location!.GetLeftPart(UriPartial.Path)));
    }

    private LinodeTestBrowser NewBrowser() => new(_factory.Server.CreateHandler(), _factory.Server.BaseAddress, _server);

    [GeneratedRegex("<input[^>]* name=\"(__RequestVerificationToken)\"[^>]* value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
